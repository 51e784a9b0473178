"""An aiosmtpd handler for funnel's end-to-end mail test: saves every message it receives.

Run as: python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_saver.Saver DIRECTORY
(with this folder on PYTHONPATH). Each message becomes DIRECTORY/NNN.eml (the raw bytes as
received) with NNN.json beside it (the envelope: sender and recipients), written under a
temporary name and renamed, so a reader never sees half a file.
"""
import json
import os


class Saver:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("smtp_saver.Saver needs one argument: the directory to save messages in")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.directory, "%03d" % self.count)
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        with open(base + ".json.tmp", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
        os.rename(base + ".json.tmp", base + ".json")
        with open(base + ".eml.tmp", "wb") as f:
            f.write(content)
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 Message accepted for delivery"
