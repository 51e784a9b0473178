#define _GNU_SOURCE
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "funnel_heap.h"

int funnel_heap_use_one_arena(void) { return mallopt(M_ARENA_MAX, 1); }

int funnel_heap_arena_count(void) {
    char *text = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&text, &size);
    if (stream == NULL) return -1;
    int written = malloc_info(0, stream);
    fclose(stream);
    if (written != 0 || text == NULL) {
        free(text);
        return -1;
    }
    /* One <heap nr="N"> element per arena. */
    int count = 0;
    for (const char *at = text; (at = strstr(at, "<heap nr=")) != NULL; at += 9) count += 1;
    free(text);
    return count;
}
