#ifndef FUNNEL_CPANGOCAIRO_SHIM_H
#define FUNNEL_CPANGOCAIRO_SHIM_H

/* Pango (shaping, bidi, line breaking) drawn by Cairo into a PDF: libpango1.0-dev, libcairo2-dev.
   Include paths come from pkg-config (pangocairo).

   The libraries are loaded when a PDF is first made, not linked: linked, their 34 shared objects
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

#define FUNNEL_LAZY(name) \
    static inline __typeof__(name) *funnel_lazy_##name(void) { return (__typeof__(name) *)funnel_pango_symbol(#name); }

FUNNEL_LAZY(cairo_create)
FUNNEL_LAZY(cairo_destroy)
FUNNEL_LAZY(cairo_fill)
FUNNEL_LAZY(cairo_image_surface_create)
FUNNEL_LAZY(cairo_image_surface_create_from_png)
FUNNEL_LAZY(cairo_image_surface_get_data)
FUNNEL_LAZY(cairo_image_surface_get_height)
FUNNEL_LAZY(cairo_image_surface_get_stride)
FUNNEL_LAZY(cairo_image_surface_get_width)
FUNNEL_LAZY(cairo_line_to)
FUNNEL_LAZY(cairo_move_to)
FUNNEL_LAZY(cairo_paint)
FUNNEL_LAZY(cairo_pdf_surface_create_for_stream)
FUNNEL_LAZY(cairo_pdf_surface_set_metadata)
FUNNEL_LAZY(cairo_rectangle)
FUNNEL_LAZY(cairo_restore)
FUNNEL_LAZY(cairo_save)
FUNNEL_LAZY(cairo_scale)
FUNNEL_LAZY(cairo_set_line_width)
FUNNEL_LAZY(cairo_set_source_rgb)
FUNNEL_LAZY(cairo_set_source_surface)
FUNNEL_LAZY(cairo_show_page)
FUNNEL_LAZY(cairo_status)
FUNNEL_LAZY(cairo_status_to_string)
FUNNEL_LAZY(cairo_stroke)
FUNNEL_LAZY(cairo_surface_destroy)
FUNNEL_LAZY(cairo_surface_finish)
FUNNEL_LAZY(cairo_surface_flush)
FUNNEL_LAZY(cairo_surface_status)
FUNNEL_LAZY(cairo_surface_write_to_png)
FUNNEL_LAZY(cairo_translate)
FUNNEL_LAZY(g_free)
FUNNEL_LAZY(g_object_unref)
FUNNEL_LAZY(pango_cairo_create_layout)
FUNNEL_LAZY(pango_cairo_font_map_get_default)
FUNNEL_LAZY(pango_cairo_show_layout_line)
FUNNEL_LAZY(pango_context_set_base_dir)
FUNNEL_LAZY(pango_context_set_language)
FUNNEL_LAZY(pango_context_set_round_glyph_positions)
FUNNEL_LAZY(pango_font_description_free)
FUNNEL_LAZY(pango_font_description_new)
FUNNEL_LAZY(pango_font_description_set_absolute_size)
FUNNEL_LAZY(pango_font_description_set_family)
FUNNEL_LAZY(pango_font_description_set_weight)
FUNNEL_LAZY(pango_font_family_get_name)
FUNNEL_LAZY(pango_font_map_list_families)
FUNNEL_LAZY(pango_language_from_string)
FUNNEL_LAZY(pango_layout_context_changed)
FUNNEL_LAZY(pango_layout_get_context)
FUNNEL_LAZY(pango_layout_get_iter)
FUNNEL_LAZY(pango_layout_get_line_readonly)
FUNNEL_LAZY(pango_layout_iter_free)
FUNNEL_LAZY(pango_layout_iter_get_baseline)
FUNNEL_LAZY(pango_layout_iter_get_line_yrange)
FUNNEL_LAZY(pango_layout_iter_next_line)
FUNNEL_LAZY(pango_layout_line_get_extents)
FUNNEL_LAZY(pango_layout_set_auto_dir)
FUNNEL_LAZY(pango_layout_set_ellipsize)
FUNNEL_LAZY(pango_layout_set_font_description)
FUNNEL_LAZY(pango_layout_set_height)
FUNNEL_LAZY(pango_layout_set_text)
FUNNEL_LAZY(pango_layout_set_width)
FUNNEL_LAZY(pango_layout_set_wrap)
FUNNEL_LAZY(pango_version_string)

/* The first function used that cannot be found (the library missing, or too old); 0 when all are. */
static inline const char *funnel_pango_missing(void) {
    static const char *const names[] = {
        "cairo_create",
        "cairo_destroy",
        "cairo_fill",
        "cairo_image_surface_create",
        "cairo_image_surface_create_from_png",
        "cairo_image_surface_get_data",
        "cairo_image_surface_get_height",
        "cairo_image_surface_get_stride",
        "cairo_image_surface_get_width",
        "cairo_line_to",
        "cairo_move_to",
        "cairo_paint",
        "cairo_pdf_surface_create_for_stream",
        "cairo_pdf_surface_set_metadata",
        "cairo_rectangle",
        "cairo_restore",
        "cairo_save",
        "cairo_scale",
        "cairo_set_line_width",
        "cairo_set_source_rgb",
        "cairo_set_source_surface",
        "cairo_show_page",
        "cairo_status",
        "cairo_status_to_string",
        "cairo_stroke",
        "cairo_surface_destroy",
        "cairo_surface_finish",
        "cairo_surface_flush",
        "cairo_surface_status",
        "cairo_surface_write_to_png",
        "cairo_translate",
        "g_free",
        "g_object_unref",
        "pango_cairo_create_layout",
        "pango_cairo_font_map_get_default",
        "pango_cairo_show_layout_line",
        "pango_context_set_base_dir",
        "pango_context_set_language",
        "pango_context_set_round_glyph_positions",
        "pango_font_description_free",
        "pango_font_description_new",
        "pango_font_description_set_absolute_size",
        "pango_font_description_set_family",
        "pango_font_description_set_weight",
        "pango_font_family_get_name",
        "pango_font_map_list_families",
        "pango_language_from_string",
        "pango_layout_context_changed",
        "pango_layout_get_context",
        "pango_layout_get_iter",
        "pango_layout_get_line_readonly",
        "pango_layout_iter_free",
        "pango_layout_iter_get_baseline",
        "pango_layout_iter_get_line_yrange",
        "pango_layout_iter_next_line",
        "pango_layout_line_get_extents",
        "pango_layout_set_auto_dir",
        "pango_layout_set_ellipsize",
        "pango_layout_set_font_description",
        "pango_layout_set_height",
        "pango_layout_set_text",
        "pango_layout_set_width",
        "pango_layout_set_wrap",
        "pango_version_string",
    };
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!funnel_pango_symbol(names[i])) return names[i];
    }
    return 0;
}

#endif
