/// The templates' stage names and lost reasons in Hebrew and Arabic. The Hebrew of `simple` is
/// the wording of source 003 (פניה חדשה, מעקב/בטיפול, …) and of `powerlink` that of source 000
/// (חדש, קשר ראשוני, בתהליך, …); the Arabic of `b2b` is source 001's
/// (فرصة لإتمام المعاملة > عرض تجاري > …). The rest is translated. The first lost reason is the
/// one proposed after too many unanswered attempts (R11).
struct TemplateWording {
    var stages: [String: String]
    var lostReasons: [String]

    static func of(_ template: PipelineTemplate, _ language: Language) -> TemplateWording {
        switch (template, language) {
        case (.simple, .he): return TemplateWording(stages: simpleHebrew, lostReasons: hebrewReasons + ["עזב"])
        case (.powerlink, .he): return TemplateWording(stages: powerlinkHebrew, lostReasons: hebrewReasons + ["עזב"])
        case (.b2b, .he): return TemplateWording(stages: b2bHebrew, lostReasons: hebrewReasons + ["לא אושר"])
        case (.simple, _): return TemplateWording(stages: simpleArabic, lostReasons: arabicReasons + ["ترك الخدمة"])
        case (.powerlink, _): return TemplateWording(stages: powerlinkArabic, lostReasons: arabicReasons + ["ترك الخدمة"])
        case (.b2b, _): return TemplateWording(stages: b2bArabic, lostReasons: arabicReasons + ["لم تتم الموافقة"])
        }
    }

    static let hebrewReasons = ["לא ניתן להשגה", "לא מעוניין", "מחיר", "בחר במתחרה", "אין תקציב", "תזמון לא מתאים", "לא רלוונטי"]
    static let arabicReasons = [
        "تعذّر الوصول", "غير مهتم", "السعر", "اختار منافسًا", "لا توجد ميزانية", "توقيت غير مناسب",
        "غير ذي صلة",
    ]

    static let simpleHebrew = [
        "unsorted": "לא ממוין", "new": "פניה חדשה", "follow-up": "מעקב/בטיפול", "meeting": "תיאום פגישה/הצעת מחיר",
        "onboarding": "מעקב לאחר פגישה/קליטת לקוח", "customer": "לקוח", "not-relevant": "לא רלוונטי",
        "former-customer": "לקוחות עבר",
    ]
    static let powerlinkHebrew = [
        "unsorted": "לא ממוין", "new": "חדש", "initial-contact": "קשר ראשוני", "in-process": "בתהליך", "customer": "לקוח",
        "not-interested": "לא מעוניין", "inactive-customer": "לקוח לא פעיל",
    ]
    static let b2bHebrew = [
        "unsorted": "לא ממוין", "opportunity": "הזדמנות", "proposal": "הצעה מסחרית", "approval": "אישור מסמכים",
        "signing": "חתימה ותשלום", "delivery": "אספקה", "closed": "נסגרה", "lost": "אבודה",
    ]
    static let simpleArabic = [
        "unsorted": "غير مصنفة", "new": "استفسار جديد", "follow-up": "متابعة", "meeting": "اجتماع / عرض سعر",
        "onboarding": "ما بعد الاجتماع / تأهيل العميل", "customer": "عميل", "not-relevant": "غير ذي صلة",
        "former-customer": "عميل سابق",
    ]
    static let powerlinkArabic = [
        "unsorted": "غير مصنفة", "new": "جديد", "initial-contact": "تواصل أولي", "in-process": "قيد المعالجة", "customer": "عميل",
        "not-interested": "غير مهتم", "inactive-customer": "عميل غير نشط",
    ]
    static let b2bArabic = [
        "unsorted": "غير مصنفة", "opportunity": "فرصة لإتمام المعاملة", "proposal": "عرض تجاري", "approval": "تنسيق المستندات",
        "signing": "التوقيع والدفع", "delivery": "التنفيذ", "closed": "الإغلاق", "lost": "خاسرة",
    ]
}
