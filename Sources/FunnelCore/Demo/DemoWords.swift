import Foundation

/// The words demo deals are made of: Hebrew, Arabic and English, some mixed, some wide or
/// combining, so the board's text handling is on show from the first look.
enum DemoWords {
    static let companies = [
        "אלון מערכות", "כרמל תוכנה", "שקד שיווק", "נגב אנרגיה", "גליל מזון", "תבור הנדסה", "ים המלח ספא",
        "مخبز الأمل", "شركة النور", "مطبعة القدس", "الزيتون للتجارة", "صيدلية الشفاء", "مكتب الريان",
        "Acme Robotics", "Blue Harbor Ltd", "Northwind", "Kite & Co", "Orchard Labs", "Pinecone Media",
        "Café Müller", "Sakura 寿司", "Bright Smile 😀 Dental",
    ]
    static let products = [
        "CRM annual plan", "רישיון שנתי", "הדרכת צוות", "مشروع تركيب", "اشتراك سنوي", "Website redesign",
        "Support contract", "חבילת פרימיום", "Onboarding package", "تدريب الموظفين", "Hardware refresh",
        "Pilot", "הרחבת מודולים", "Consulting days",
    ]
    static let contacts = [
        "אבי לוי", "מיכל ברק", "רונית שמש", "אחמד חורי", "سارة عبد الله", "محمد خليل", "نور الهدى",
        "John Carter", "Emily Stone", "Noa Peretz", "Karim Saleh", "Lena Vogel", "שָׁלוֹם עֲלֵיכֶם",
    ]

    /// Next-action texts by how far along the path a deal is: first stage, second, later.
    static let nextSteps = [
        ["Call again", "להתקשר שוב", "معاودة الاتصال"],
        ["Follow-up call", "שיחת מעקב", "متابعة الاتصال", "Book a demo"],
        ["Send quote", "לשלוח הצעת מחיר", "إرسال العرض", "Confirm meeting", "Send contract", "לתאם הדרכה"],
    ]

    /// Notes a rep leaves after reaching someone.
    static let reachedNotes = [
        "Interested, wants a quote", "מעוניין, ביקש הצעת מחיר", "مهتم، يريد عرض سعر", "Asked for references",
        "ביקשה לחזור אחרי החגים", "طلب عرضاً تجريبياً", "Decision maker is the CFO", "", "", "",
    ]

    /// Reps beyond the first four of `DemoData.team`, for larger teams: (account, name).
    static let moreReps = [
        ("noa", "Noa Peretz"), ("karim", "كريم صالح"), ("avi", "אבי מזרחי"), ("emily", "Emily Stone"),
        ("rana", "رنا خوري"), ("tamar", "תמר אלון"), ("john", "John Carter"), ("sami", "سامي عودة"),
        ("michal", "מיכל ברק"), ("lena", "Lena Vogel"), ("hadi", "هادي منصور"), ("itai", "איתי שגב"),
    ]

    /// Managers beyond Dana, one for every eight reps: (account, name).
    static let moreManagers = [
        ("ruth", "רות גולן"), ("fadi", "فادي سليمان"), ("mark", "Mark Adler"), ("shira", "שירה כץ"),
    ]
}
