#ifndef FUNNEL_HEAP_H
#define FUNNEL_HEAP_H

/* glibc's mallopt and malloc_info, which Swift's Glibc module does not show (malloc.h is not in it). */

/// Makes every thread of the process allocate from the one main heap (glibc's M_ARENA_MAX = 1),
/// so memory one thread frees is reused by the others. Takes effect only before a second heap
/// was made: call it before any thread is started. Returns 1 on success, 0 when refused.
int funnel_heap_use_one_arena(void);

/// How many heaps (arenas) the C library's allocator has made in this process; -1 when it
/// cannot say.
int funnel_heap_arena_count(void);

#endif
