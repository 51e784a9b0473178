import Foundation

/// The templates `funnel init` writes into `templates/mail/`: R11's email after an unanswered
/// call, in Hebrew, Arabic and English. `funnel mail ID --template no-answer` picks the one in
/// the deal's language (`MailLanguage`).
public enum DefaultMailTemplates {
    public static let all: [MailTemplate] = [hebrew, arabic, english]

    static let hebrew = MailTemplate(
        name: "no-answer-he", subject: "ניסינו להשיג אותך",
        body: """
            שלום {contact},

            ניסיתי להתקשר אליך היום בעניין {title} ולא הצלחתי להשיג אותך.
            אשמח לחזור אליך בזמן שנוח לך — אפשר פשוט להשיב למייל הזה.

            בברכה,
            {rep}

            """)

    static let arabic = MailTemplate(
        name: "no-answer-ar", subject: "حاولنا الوصول إليك",
        body: """
            مرحبًا {contact}،

            حاولت الاتصال بك اليوم بخصوص {title} ولم أتمكن من الوصول إليك.
            يسعدني أن أعاود الاتصال بك في الوقت الذي يناسبك — يمكنك ببساطة الرد على هذه الرسالة.

            مع التحية،
            {rep}

            """)

    static let english = MailTemplate(
        name: "no-answer-en", subject: "We tried to reach you",
        body: """
            Hello {contact},

            I called you today about {title} and could not reach you.
            I would be glad to call back at a time that suits you; just reply to this email.

            Best regards,
            {rep}

            """)
}
