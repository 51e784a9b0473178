import CPangoCairo

/// PNG files drawn with Cairo for the tests, and reading a pixel of a rendered page.
enum TestLogo {
    /// Writes a `width` by `height` PNG filled with pure red to `path`.
    static func writeRed(to path: String, width: Int32, height: Int32) -> Bool {
        guard let surface = funnel_lazy_cairo_image_surface_create()!(CAIRO_FORMAT_RGB24, width, height) else { return false }
        defer { funnel_lazy_cairo_surface_destroy()!(surface) }
        let cairo = funnel_lazy_cairo_create()!(surface)
        funnel_lazy_cairo_set_source_rgb()!(cairo, 1, 0, 0)
        funnel_lazy_cairo_paint()!(cairo)
        funnel_lazy_cairo_destroy()!(cairo)
        return funnel_lazy_cairo_surface_write_to_png()!(surface, path) == CAIRO_STATUS_SUCCESS
    }

    /// Fraction of pure-red-ish pixels in the rectangle (fractions of the image's size) of the PNG at `path`.
    static func redShare(ofPNG path: String, x: ClosedRange<Double>, y: ClosedRange<Double>) -> Double {
        guard let surface = funnel_lazy_cairo_image_surface_create_from_png()!(path),
            funnel_lazy_cairo_surface_status()!(surface) == CAIRO_STATUS_SUCCESS
        else { return -1 }
        defer { funnel_lazy_cairo_surface_destroy()!(surface) }
        funnel_lazy_cairo_surface_flush()!(surface)
        let width = Int(funnel_lazy_cairo_image_surface_get_width()!(surface))
        let height = Int(funnel_lazy_cairo_image_surface_get_height()!(surface))
        let stride = Int(funnel_lazy_cairo_image_surface_get_stride()!(surface))
        guard let data = funnel_lazy_cairo_image_surface_get_data()!(surface) else { return -1 }
        var red = 0
        var total = 0
        for row in Int(y.lowerBound * Double(height))..<Int(y.upperBound * Double(height)) {
            for column in Int(x.lowerBound * Double(width))..<Int(x.upperBound * Double(width)) {
                let pixel = data.advanced(by: row * stride + column * 4).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
                let (r, g, b) = ((pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF)
                if r > 200 && g < 60 && b < 60 { red += 1 }
                total += 1
            }
        }
        return total == 0 ? 0 : Double(red) / Double(total)
    }
}
