#ifndef FUNNEL_CPANGOCAIRO_SHIM_H
#define FUNNEL_CPANGOCAIRO_SHIM_H

/* Pango (shaping, bidi, line breaking) drawn by Cairo into a PDF: libpango1.0-dev, libcairo2-dev.
   Include paths come from pkg-config (pangocairo).

   The libraries are loaded when a PDF is first made, not linked: linked, their 35 shared objects
   (Pango, Cairo, GLib, HarfBuzz, fontconfig, X11's...) were loaded by every command, about 7 ms
   of each one's start (docs/performance.md). Each function used is called through
   `funnel_lazy_NAME()`, its address looked up once the library is loaded, typed as the header
   declares it (`__typeof__`), so a call is checked against the real prototype. */
#include <pango/pangocairo.h>
#include <cairo/cairo-pdf.h>
#include <dlfcn.h>

/* The library Pango and Cairo are reached through: it brings the others. */
#define FUNNEL_PANGO_LIBRARY "libpangocairo-1.0.so.0"

/* Loads the library once (later calls see it loaded); 0 when it cannot be. */
static inline void *funnel_pango_handle(void) {
    static void *handle;
    void *loaded = __atomic_load_n(&handle, __ATOMIC_ACQUIRE);
    if (loaded) return loaded;
    loaded = dlopen(FUNNEL_PANGO_LIBRARY, RTLD_NOW | RTLD_GLOBAL);
    if (loaded) __atomic_store_n(&handle, loaded, __ATOMIC_RELEASE);
    return loaded;
}

/* The address of function `name` of Pango, Cairo or GLib; 0 when the library or it is missing. */
static inline void *funnel_pango_symbol(const char *name) {
    return funnel_pango_handle() ? dlsym(RTLD_DEFAULT, name) : 0;
}

/* Every function of Pango, Cairo and GLib funnel calls, each made `funnel_lazy_NAME()` below and
   checked by `funnel_pango_missing()`: one list for both. */
#define FUNNEL_PANGO_FUNCTIONS(X) \
    X(cairo_create) \
    X(cairo_destroy) \
    X(cairo_fill) \
    X(cairo_image_surface_create) \
    X(cairo_image_surface_create_from_png) \
    X(cairo_image_surface_get_data) \
    X(cairo_image_surface_get_height) \
    X(cairo_image_surface_get_stride) \
    X(cairo_image_surface_get_width) \
    X(cairo_line_to) \
    X(cairo_move_to) \
    X(cairo_paint) \
    X(cairo_pdf_surface_create_for_stream) \
    X(cairo_pdf_surface_set_metadata) \
    X(cairo_rectangle) \
    X(cairo_restore) \
    X(cairo_save) \
    X(cairo_scale) \
    X(cairo_set_line_width) \
    X(cairo_set_source_rgb) \
    X(cairo_set_source_surface) \
    X(cairo_show_page) \
    X(cairo_status) \
    X(cairo_status_to_string) \
    X(cairo_stroke) \
    X(cairo_surface_destroy) \
    X(cairo_surface_finish) \
    X(cairo_surface_flush) \
    X(cairo_surface_status) \
    X(cairo_surface_write_to_png) \
    X(cairo_translate) \
    X(g_free) \
    X(g_object_unref) \
    X(pango_cairo_create_layout) \
    X(pango_cairo_font_map_get_default) \
    X(pango_cairo_show_layout_line) \
    X(pango_context_set_base_dir) \
    X(pango_context_set_language) \
    X(pango_context_set_round_glyph_positions) \
    X(pango_font_description_free) \
    X(pango_font_description_new) \
    X(pango_font_description_set_absolute_size) \
    X(pango_font_description_set_family) \
    X(pango_font_description_set_weight) \
    X(pango_font_family_get_name) \
    X(pango_font_map_list_families) \
    X(pango_language_from_string) \
    X(pango_layout_context_changed) \
    X(pango_layout_get_context) \
    X(pango_layout_get_iter) \
    X(pango_layout_get_line_readonly) \
    X(pango_layout_iter_free) \
    X(pango_layout_iter_get_baseline) \
    X(pango_layout_iter_get_line_yrange) \
    X(pango_layout_iter_next_line) \
    X(pango_layout_line_get_extents) \
    X(pango_layout_set_auto_dir) \
    X(pango_layout_set_ellipsize) \
    X(pango_layout_set_font_description) \
    X(pango_layout_set_height) \
    X(pango_layout_set_text) \
    X(pango_layout_set_width) \
    X(pango_layout_set_wrap) \
    X(pango_version_string)

#define FUNNEL_LAZY(name) \
    static inline __typeof__(name) *funnel_lazy_##name(void) { return (__typeof__(name) *)funnel_pango_symbol(#name); }
FUNNEL_PANGO_FUNCTIONS(FUNNEL_LAZY)

/* The first function used that cannot be found (the library missing, or too old); 0 when all are. */
static inline const char *funnel_pango_missing(void) {
#define FUNNEL_NAME(name) #name,
    static const char *const names[] = {FUNNEL_PANGO_FUNCTIONS(FUNNEL_NAME)};
#undef FUNNEL_NAME
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!funnel_pango_symbol(names[i])) return names[i];
    }
    return 0;
}

#endif
