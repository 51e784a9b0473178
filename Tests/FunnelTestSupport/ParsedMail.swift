import Foundation

/// A message as Python's own email parser (policy default: RFC 5322 and 2047) reads it: an
/// independent check of funnel's encoding.
public struct ParsedMail {
    public let subject: String
    public let to: String
    public let from: String
    public let body: String
    public let contentType: String
    public let defects: [String]

    /// Parses the message in `file`; `scratch` is kept for the callers' symmetry (unused).
    public init(file: String, scratch: String) throws {
        let script = """
            import email, email.policy, json, sys
            m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
            defects = [str(d) for d in m.defects] + [str(d) for h in m.keys() for d in getattr(m[h], 'defects', [])]
            print(json.dumps({'subject': str(m['subject']), 'to': str(m['to']), 'from': str(m['from']),
                              'body': m.get_content(), 'content_type': m.get_content_type() + '; ' + str(m.get_content_charset()),
                              'defects': defects}))
            """
        let result = try runProgram(
            SMTPServer.python, ["-c", script, file],
            environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"])
        let data = result.stdoutData
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw NotAMessage(output: String(decoding: data, as: UTF8.self))
        }
        subject = object["subject"] as? String ?? ""
        to = object["to"] as? String ?? ""
        from = object["from"] as? String ?? ""
        body = object["body"] as? String ?? ""
        contentType = object["content_type"] as? String ?? ""
        defects = object["defects"] as? [String] ?? []
    }

    /// Python's parser printed no JSON object.
    public struct NotAMessage: Error { public let output: String }
}
