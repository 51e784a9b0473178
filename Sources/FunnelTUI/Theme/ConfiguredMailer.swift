import Foundation
import FunnelBoard
import FunnelMail

extension Mailer {
    /// The mailer the settings name: `FUNNEL_MAILER`, else the config file's `mailer`, else a
    /// sendmail that is present. What `funnel mail` and the board's `e` both send through.
    public static func configured(environment: [String: String]) throws -> Mailer {
        let config: ConfigFile
        do { config = try ConfigFile.load(environment: environment) } catch let error as ThemeError {
            throw MailError.data(error.message)
        }
        return try resolve(
            environment: environment, configured: config.mailer,
            configPath: ConfigFile.directory(environment: environment) + "/config")
    }
}
