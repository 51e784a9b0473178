import FunnelPDF

/// Quote layouts in English, Hebrew and Arabic, as the domain would build them.
enum SampleQuotes {
    /// The five columns of every sample, headed in the sample's language: #, item, quantity, unit price, total.
    static func columns(_ headings: [String]) -> [QuoteColumn] {
        zip(headings, [(0.5, true), (4, false), (1, true), (1.6, true), (1.7, true)]).map { heading, shape in
            QuoteColumn(heading: heading, weight: shape.0, numeric: shape.1)
        }
    }

    static let englishColumns = columns(["#", "Item", "Qty", "Unit price", "Total"])

    static func english(rows: [[String]]? = nil, logo: String? = nil) -> QuoteLayout {
        QuoteLayout(
            rightToLeft: false, language: "en", title: "Quote Q-2026-0007",
            seller: ["Acme Solar Ltd.", "12 Harbour Road, Haifa", "Tax id 514567890"],
            logoPath: logo,
            facts: [
                LabeledValue(label: "Number", value: "Q-2026-0007"),
                LabeledValue(label: "Date", value: "29 Nov 2026"),
                LabeledValue(label: "Valid until", value: "29 Dec 2026"),
                LabeledValue(label: "Customer", value: "Globex Corporation"),
            ],
            intro: [
                "Dear Ms. Levi,",
                "Thank you for your interest. Here is our quote for the installation we "
                    + "discussed, including panels, inverter and two years of maintenance.",
            ],
            columns: englishColumns,
            rows: rows ?? [
                ["1", "Solar panel 410 W, monocrystalline, black frame", "12", "1,234.00", "14,808.00"],
                ["2", "Hybrid inverter 8 kW", "1", "5,600.00", "5,600.00"],
                ["3", "Maintenance, two years (visits twice a year, cleaning, report)", "1", "980.50", "980.50"],
            ],
            totals: [
                LabeledValue(label: "Subtotal", value: "21,388.50"),
                LabeledValue(label: "VAT 18%", value: "3,849.93"),
                LabeledValue(label: "Total", value: "USD 25,238.43"),
            ],
            closing: [
                "Payment: 12 installments of USD 2,103.20 by bank transfer.",
                "This quote is valid for 30 days.", "Kind regards,\nDana Cohen\nSales",
            ],
            pageFooter: "Q-2026-0007 · Page {page} of {pages}")
    }

    static func hebrew(rows: [[String]]? = nil, logo: String? = nil) -> QuoteLayout {
        QuoteLayout(
            rightToLeft: true, language: "he", title: "הצעת מחיר Q-2026-0008",
            seller: ["סולאר אקמה בע״מ", "דרך הנמל 12, חיפה", "ח״פ 514567890"],
            logoPath: logo,
            facts: [
                LabeledValue(label: "מספר", value: "Q-2026-0008"),
                LabeledValue(label: "תאריך", value: "29.11.2026"),
                LabeledValue(label: "בתוקף עד", value: "29.12.2026"),
                LabeledValue(label: "לקוח", value: "גלובקס בע״מ"),
            ],
            intro: ["שלום רב,", "תודה על פנייתך. להלן הצעת המחיר להתקנת מערכת סולארית עם 12 פאנלים של SunPower."],
            columns: columns(["#", "פריט", "כמות", "מחיר יחידה", "סה״כ"]),
            rows: rows ?? [
                ["1", "פאנל סולארי SunPower 410W", "12", "1,234.00", "14,808.00"],
                ["2", "ממיר היברידי", "1", "5,600.00", "5,600.00"],
                ["3", "תחזוקה לשנתיים", "1", "980.50", "980.50"],
            ],
            totals: [
                LabeledValue(label: "סכום ביניים", value: "21,388.50 ₪"),
                LabeledValue(label: "מע״מ 18%", value: "3,849.93 ₪"),
                LabeledValue(label: "סה״כ לתשלום", value: "25,238.43 ₪"),
            ],
            closing: ["תשלום: 12 תשלומים של 2,103.20 ₪ בהעברה בנקאית.", "בברכה,\nדנה כהן"],
            pageFooter: "Q-2026-0008 · עמוד {page} מתוך {pages}")
    }

    static func arabic(rows: [[String]]? = nil, logo: String? = nil) -> QuoteLayout {
        QuoteLayout(
            rightToLeft: true, language: "ar", title: "عرض سعر Q-2026-0009",
            seller: ["شركة أكمي للطاقة", "شارع الميناء 12، حيفا"],
            logoPath: logo,
            facts: [
                LabeledValue(label: "الرقم", value: "Q-2026-0009"),
                LabeledValue(label: "التاريخ", value: "29/11/2026"),
                LabeledValue(label: "العميل", value: "شركة النور"),
            ],
            intro: ["مرحبا،", "شكرا لاهتمامكم. هذا عرض السعر لتركيب النظام الشمسي."],
            columns: columns(["#", "الصنف", "الكمية", "سعر الوحدة", "المجموع"]),
            rows: rows ?? [
                ["1", "لوح شمسي", "12", "1,234.00", "14,808.00"],
                ["2", "محول هجين", "1", "5,600.00", "5,600.00"],
            ],
            totals: [
                LabeledValue(label: "المجموع الفرعي", value: "20,408.00"),
                LabeledValue(label: "الضريبة 18%", value: "3,673.44"),
                LabeledValue(label: "الإجمالي", value: "24,081.44"),
            ],
            closing: ["الدفع: 12 قسطا بقيمة 2,006.79 بتحويل بنكي.", "مع التحية"],
            pageFooter: "Q-2026-0009 · صفحة {page} من {pages}")
    }

    /// `count` English rows numbered from 1, each with a distinct name and total.
    static func manyRows(_ count: Int) -> [[String]] {
        (1...count).map { ["\($0)", "Product number \($0)", "\($0 % 7 + 1)", "10.00", "\($0).00"] }
    }
}
