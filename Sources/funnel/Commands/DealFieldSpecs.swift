/// Options that add and edit declare alike for a deal's contact fields.
enum DealFieldSpecs {
    /// `--phone P`.
    static let phone = OptionSpec(value: "P", "phone number")
    /// `--email E`.
    static let email = OptionSpec(value: "E", "email address")
}
