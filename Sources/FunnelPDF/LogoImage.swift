internal import CPangoCairo

/// A PNG logo decoded by Cairo, scaled to fit a box at the top of the first page.
final class LogoImage {
    private let surface: OpaquePointer
    /// Drawn size in points, aspect ratio kept.
    let width: Double
    let height: Double

    /// Decodes the PNG at `path`; a missing, unreadable, non-PNG or empty image throws.
    init(path: String, maxWidth: Double, maxHeight: Double) throws {
        guard let surface = funnel_lazy_cairo_image_surface_create_from_png()!(path) else {
            throw QuotePDFError.logoUnreadable(path: path, reason: "out of memory")
        }
        let status = funnel_lazy_cairo_surface_status()!(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            funnel_lazy_cairo_surface_destroy()!(surface)
            throw QuotePDFError.logoUnreadable(path: path, reason: LogoImage.reason(status))
        }
        let pixelsWide = Double(funnel_lazy_cairo_image_surface_get_width()!(surface))
        let pixelsHigh = Double(funnel_lazy_cairo_image_surface_get_height()!(surface))
        guard pixelsWide > 0, pixelsHigh > 0 else {
            funnel_lazy_cairo_surface_destroy()!(surface)
            throw QuotePDFError.logoUnreadable(path: path, reason: "the image is empty")
        }
        self.surface = surface
        let scale = min(maxWidth / pixelsWide, maxHeight / pixelsHigh)
        width = pixelsWide * scale
        height = pixelsHigh * scale
    }

    deinit { funnel_lazy_cairo_surface_destroy()!(surface) }

    /// Paints the logo with its top-left corner at (`x`, `y`).
    func draw(on cairo: OpaquePointer, x: Double, y: Double) {
        funnel_lazy_cairo_save()!(cairo)
        funnel_lazy_cairo_translate()!(cairo, x, y)
        funnel_lazy_cairo_scale()!(
            cairo, width / Double(funnel_lazy_cairo_image_surface_get_width()!(surface)),
            height / Double(funnel_lazy_cairo_image_surface_get_height()!(surface)))
        funnel_lazy_cairo_set_source_surface()!(cairo, surface, 0, 0)
        funnel_lazy_cairo_paint()!(cairo)
        funnel_lazy_cairo_restore()!(cairo)
    }

    private static func reason(_ status: cairo_status_t) -> String {
        switch status {
        case CAIRO_STATUS_FILE_NOT_FOUND: return "no such file"
        case CAIRO_STATUS_READ_ERROR: return "cannot read it, or it is not a PNG image"
        case CAIRO_STATUS_PNG_ERROR: return "it is not a valid PNG image"
        default: return String(cString: funnel_lazy_cairo_status_to_string()!(status)!)
        }
    }
}
