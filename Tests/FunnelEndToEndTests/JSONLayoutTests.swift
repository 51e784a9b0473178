import Foundation
import Testing

/// The exact bytes of `--json`: field order, two-space indents, `[]` and `{}` for empty
/// containers, escapes, and `list --all --json`'s windows written on every core joined into one
/// document. Pinned byte for byte, so a faster writer can be tried against them.
@Suite("JSON layout, byte for byte")
struct JSONLayoutTests {
    @Test func showAndTodayPrintTheDocumentedLayoutExactly() throws {
        let box = try Sandbox(now: "2026-11-24T09:00:00Z")
        defer { box.remove() }
        try box.ok("init", "--template", "simple")
        try box.ok("team", "add", "rita", "--role", "rep", "--name", "Rita Rep")
        let id = try box.add("Quote \"A\" \\ שלום", "--value", "1200.5", "--company", "Acme\tLtd", "--stage", "new")
        try box.ok("log", id, "training", "--module", "Reports", "--note", "line\ntwo")
        try box.ok("bill", id, "Reports")
        try box.ok("assign", id, "rita")
        try box.ok(
            "edit", id, "--installments", "3", "--payment-method", "cheques", "--tick", "rapport", "--probability", "40",
            "--expected-close", "2026-12-15")
        let bare = try box.add("Bare", "--stage", "new")
        let show = try box.ok("show", id, "--json").stdout.replacingOccurrences(of: id, with: "ID")
        #expect(show == Self.show + "\n")
        let today = try box.ok("today", "--json", user: "rita").stdout.replacingOccurrences(of: id, with: "ID")
        #expect(today == Self.today + "\n")
        // Streamed in windows written on every core: the same layout as one document.
        let list = try box.ok("list", "--all", "--json").stdout.replacingOccurrences(of: id, with: "ID")
        #expect(list.replacingOccurrences(of: bare, with: "BARE") == Self.list + "\n")
    }

    static let show = #"""
        {
          "id": "ID",
          "title": "Quote \"A\" \\ שלום",
          "company": "Acme\tLtd",
          "contact": "",
          "phone": "",
          "email": "",
          "stage": "new",
          "stage_name": "New inquiry",
          "stage_kind": "open",
          "owner": "rita",
          "value": "1200.50",
          "currency": "ILS",
          "next_action_date": null,
          "next_action": null,
          "lost_reason": null,
          "created": "2026-11-24T09:00:00Z",
          "stage_entered": "2026-11-24T09:00:00Z",
          "updated": "2026-11-24T09:00:00Z",
          "revision": 5,
          "source": "",
          "flags": [
            "few-attempts",
            "no-next-action"
          ],
          "attempts": 0,
          "call_steps": [
            "rapport"
          ],
          "payment_terms": {
            "installments": 3,
            "method": "cheques"
          },
          "priority": "normal",
          "pipeline": "main",
          "probability": 40,
          "expected_close": "2026-12-15",
          "weighted_value": "480.20",
          "notes": "",
          "history": [
            {
              "at": "2026-11-24T09:00:00Z",
              "by": "boss",
              "from": null,
              "to": "new",
              "pipeline": null
            }
          ],
          "activities": [
            {
              "at": "2026-11-24T09:00:00Z",
              "by": "boss",
              "kind": "training",
              "outcome": null,
              "note": "line\ntwo",
              "module": "Reports"
            }
          ],
          "assignments": [
            {
              "at": "2026-11-24T09:00:00Z",
              "by": "boss",
              "from": "boss",
              "to": "rita"
            }
          ],
          "modules": [
            {
              "module": "Reports",
              "at": "2026-11-24T09:00:00Z",
              "by": "boss"
            }
          ],
          "trainings": [
            {
              "module": "Reports",
              "at": "2026-11-24T09:00:00Z",
              "by": "boss",
              "note": "line\ntwo"
            }
          ]
        }
        """#

    static let today = #"""
        [
          {
            "group": "new-lead",
            "id": "ID",
            "title": "Quote \"A\" \\ שלום",
            "company": "Acme\tLtd",
            "contact": "",
            "phone": "",
            "email": "",
            "stage": "new",
            "stage_name": "New inquiry",
            "stage_kind": "open",
            "owner": "rita",
            "value": "1200.50",
            "currency": "ILS",
            "next_action_date": null,
            "next_action": null,
            "lost_reason": null,
            "created": "2026-11-24T09:00:00Z",
            "stage_entered": "2026-11-24T09:00:00Z",
            "updated": "2026-11-24T09:00:00Z",
            "revision": 5,
            "source": "",
            "flags": [
              "few-attempts",
              "no-next-action"
            ],
            "attempts": 0,
            "call_steps": [
              "rapport"
            ],
            "payment_terms": {
              "installments": 3,
              "method": "cheques"
            },
            "priority": "normal",
            "pipeline": "main",
            "probability": 40,
            "expected_close": "2026-12-15",
            "weighted_value": "480.20"
          }
        ]
        """#

    static let list = #"""
        [
          {
            "id": "BARE",
            "title": "Bare",
            "company": "",
            "contact": "",
            "phone": "",
            "email": "",
            "stage": "new",
            "stage_name": "New inquiry",
            "stage_kind": "open",
            "owner": "boss",
            "value": null,
            "currency": "ILS",
            "next_action_date": null,
            "next_action": null,
            "lost_reason": null,
            "created": "2026-11-24T09:00:00Z",
            "stage_entered": "2026-11-24T09:00:00Z",
            "updated": "2026-11-24T09:00:00Z",
            "revision": 1,
            "source": "",
            "flags": [
              "few-attempts",
              "no-next-action"
            ],
            "attempts": 0,
            "call_steps": [],
            "payment_terms": null,
            "priority": "normal",
            "pipeline": "main",
            "probability": null,
            "expected_close": null,
            "weighted_value": null
          },
          {
            "id": "ID",
            "title": "Quote \"A\" \\ שלום",
            "company": "Acme\tLtd",
            "contact": "",
            "phone": "",
            "email": "",
            "stage": "new",
            "stage_name": "New inquiry",
            "stage_kind": "open",
            "owner": "rita",
            "value": "1200.50",
            "currency": "ILS",
            "next_action_date": null,
            "next_action": null,
            "lost_reason": null,
            "created": "2026-11-24T09:00:00Z",
            "stage_entered": "2026-11-24T09:00:00Z",
            "updated": "2026-11-24T09:00:00Z",
            "revision": 5,
            "source": "",
            "flags": [
              "few-attempts",
              "no-next-action"
            ],
            "attempts": 0,
            "call_steps": [
              "rapport"
            ],
            "payment_terms": {
              "installments": 3,
              "method": "cheques"
            },
            "priority": "normal",
            "pipeline": "main",
            "probability": 40,
            "expected_close": "2026-12-15",
            "weighted_value": "480.20"
          }
        ]
        """#
}
