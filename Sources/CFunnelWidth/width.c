#define _XOPEN_SOURCE 700
#include <wchar.h>

#include "funnel_width.h"

int funnel_wcwidth(uint32_t scalar) { return wcwidth((wchar_t)scalar); }
