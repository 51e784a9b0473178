import CFriBidi
import Foundation

/// Writing direction, from the first strong character (the Unicode bidi algorithm's P2–P3, by FriBidi).
public enum Direction {
    /// Whether the first character with a strong direction in `text` is right-to-left.
    public static func isRightToLeft(_ text: String) -> Bool {
        if BidiLine.isLeftToRightOnly(text.unicodeScalars.lazy.map(\.value)) { return false }
        let scalars = text.unicodeScalars.map(\.value)
        var types = [FriBidiCharType](repeating: FriBidiCharType(0), count: scalars.count)
        scalars.withUnsafeBufferPointer { fribidi_get_bidi_types($0.baseAddress, FriBidiStrIndex(scalars.count), &types) }
        return funnel_fribidi_par_is_rtl(fribidi_get_par_direction(types, FriBidiStrIndex(types.count))) != 0
    }
}
