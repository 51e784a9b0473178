import Foundation

/// The quote templates `funnel init` writes into `templates/quote/` (he, ar, en), and what
/// `funnel quote` uses for a language with no file. The company block is a sample to replace.
public enum DefaultQuoteTemplates {
    public static let all: [QuoteTemplate] = Language.allCases.map(template)

    /// The shipped template of `language`.
    public static func template(_ language: Language) -> QuoteTemplate {
        switch language {
        case .en: return english
        case .he: return hebrew
        case .ar: return arabic
        }
    }

    static let english = QuoteTemplate(
        language: .en,
        sections: [
            .company: "Your Company Ltd\n1 Example Street, Tel Aviv\nCompany no. 000000000",
            .greeting: "Dear {contact},\n\nThank you for your interest. Here is our quote for {title}.",
            .terms:
                "Prices are in {currency}. This quote is valid until {valid_until}.\nDelivery and support as agreed; the first installment is due on signing.",
            .signature: "Best regards,\n{rep}\n{rep_email}",
        ])

    static let hebrew = QuoteTemplate(
        language: .he,
        sections: [
            .company: "החברה שלך בע\"מ\nרחוב הדוגמה 1, תל אביב\nח.פ. 000000000",
            .greeting: "לכבוד {contact},\n\nתודה על פנייתך. להלן הצעת המחיר שלנו עבור {title}.",
            .terms: "המחירים ב-{currency}. ההצעה בתוקף עד {valid_until}.\nאספקה ותמיכה כמוסכם; התשלום הראשון עם החתימה.",
            .signature: "בברכה,\n{rep}\n{rep_email}",
        ])

    static let arabic = QuoteTemplate(
        language: .ar,
        sections: [
            .company: "شركتك م.ض.\nشارع المثال 1، الناصرة\nرقم الشركة 000000000",
            .greeting: "السيد/ة {contact} المحترم/ة،\n\nشكرًا لاهتمامك. إليك عرض السعر الخاص بنا لـ {title}.",
            .terms: "الأسعار بعملة {currency}. هذا العرض صالح حتى {valid_until}.\nالتوريد والدعم حسب الاتفاق؛ تستحق الدفعة الأولى عند التوقيع.",
            .signature: "مع أطيب التحيات،\n{rep}\n{rep_email}",
        ])
}
