internal import CPangoCairo

/// The font families a quote is set in, chosen from what fontconfig has installed.
struct QuoteFonts {
    /// Families in order of preference. Pango takes each glyph from the first family that has
    /// it, so Latin comes from Noto Sans, Hebrew and Arabic from their Noto fonts, and DejaVu Sans
    /// (Latin, Hebrew and Arabic in one font) fills whatever the others lack.
    static let preferred = ["Noto Sans", "Noto Sans Hebrew", "Noto Sans Arabic", "DejaVu Sans"]

    /// The installed preferred families, in order.
    let families: [String]

    /// The Pango family list, e.g. "Noto Sans,DejaVu Sans".
    var familyList: String { families.joined(separator: ",") }

    /// The installed ones of `preferred`; throws when none is installed.
    static func installed() throws -> QuoteFonts {
        let present = installedFamilyNames()
        let families = preferred.filter { present.contains($0) }
        guard !families.isEmpty else { throw QuotePDFError.noFont(tried: preferred) }
        return QuoteFonts(families: families)
    }

    /// Every family name fontconfig knows, through Pango's Cairo font map.
    static func installedFamilyNames() -> Set<String> {
        guard let map = funnel_lazy_pango_cairo_font_map_get_default()!() else { return [] }
        var list: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        funnel_lazy_pango_font_map_list_families()!(map, &list, &count)
        defer { funnel_lazy_g_free()!(list) }
        guard let list else { return [] }
        var names: Set<String> = []
        for index in 0..<Int(count) {
            if let family = list[index], let name = funnel_lazy_pango_font_family_get_name()!(family) {
                names.insert(String(cString: name))
            }
        }
        return names
    }
}

/// Size, weight and colour of one kind of text on the page.
struct TextStyle {
    var size: Double
    var bold = false
    /// Grey level, 0 black to 1 white.
    var grey = 0.1

    static let body = TextStyle(size: 10)
    static let title = TextStyle(size: 20, bold: true)
    static let sellerName = TextStyle(size: 11, bold: true)
    static let seller = TextStyle(size: 9, grey: 0.3)
    static let factLabel = TextStyle(size: 9.5, bold: true, grey: 0.3)
    static let factValue = TextStyle(size: 9.5)
    static let tableHeading = TextStyle(size: 9, bold: true)
    static let tableCell = TextStyle(size: 9)
    static let total = TextStyle(size: 10)
    static let grandTotal = TextStyle(size: 11, bold: true)
    static let footer = TextStyle(size: 8, grey: 0.45)

    /// A new Pango font description for this style; the caller frees it.
    func fontDescription(_ fonts: QuoteFonts) -> OpaquePointer {
        let description = funnel_lazy_pango_font_description_new()!()!
        funnel_lazy_pango_font_description_set_family()!(description, fonts.familyList)
        funnel_lazy_pango_font_description_set_absolute_size()!(description, size * Double(PANGO_SCALE))
        funnel_lazy_pango_font_description_set_weight()!(description, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        return description
    }
}
