internal import CPangoCairo

/// Collects the bytes Cairo's PDF surface writes, for `cairo_pdf_surface_create_for_stream`.
final class PDFByteSink {
    private(set) var bytes: [UInt8] = []

    /// A PDF surface of `width` by `height` points writing into this sink, which must outlive it.
    func makeSurface(width: Double, height: Double) -> OpaquePointer? {
        funnel_lazy_cairo_pdf_surface_create_for_stream()!(
            PDFByteSink.write,
            Unmanaged.passUnretained(self).toOpaque(), width, height)
    }

    private static let write: cairo_write_func_t = { closure, data, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<PDFByteSink>.fromOpaque(closure).takeUnretainedValue()
        if let data, length > 0 {
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        }
        return CAIRO_STATUS_SUCCESS
    }
}
