#ifndef FUNNEL_CPANGOCAIRO_SHIM_H
#define FUNNEL_CPANGOCAIRO_SHIM_H

/* Pango (shaping, bidi, line breaking) drawn by Cairo into a PDF: libpango1.0-dev, libcairo2-dev.
   Include paths come from pkg-config (pangocairo). */
#include <pango/pangocairo.h>
#include <cairo/cairo-pdf.h>

#endif
