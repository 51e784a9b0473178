/// funnel's version, printed by `funnel --version`.
let funnelVersion = "0.1.0"
