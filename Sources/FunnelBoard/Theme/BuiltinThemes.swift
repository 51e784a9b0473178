// Generated from the files in Themes/ (a test checks they match): the themes built into the binary.

public enum BuiltinThemes {
    public static let files: [String: String] = [
        "dark": #"""
        # funnel theme: dark (the default)
        # role = FG BG ; FG8 BG8 ; attributes
        # FG/BG: a 256-colour number, a colour name (black red green yellow blue magenta cyan white) or "default".
        # The second pair is used on 8-colour terminals. Attributes: bold, reverse, underline, dim.
        normal               = 252 default ; white default ;
        header               = 231 24      ; white blue    ; bold
        columnHeader         = 250 237     ; white black   ;
        columnHeaderSelected = 231 31      ; black cyan    ; bold
        card                 = 252 235     ; white black   ;
        cardSelected         = 231 25      ; white blue    ;
        cardDragged          = 16 214      ; black yellow  ; bold
        dim                  = 244 235     ; white black   ; dim
        warning              = 214 235     ; yellow black  ; bold
        danger               = 203 235     ; red black     ; bold
        accent               = 117 235     ; cyan black    ;
        status               = 250 236     ; white black   ;
        statusError          = 231 124     ; white red     ; bold
        overlay              = 252 238     ; white black   ;
        overlayTitle         = 117 238     ; cyan black    ; bold
        selection            = 231 25      ; white blue    ;
        input                = 231 240     ; white black   ; underline
        """#,
        "high-contrast": #"""
        # funnel theme: high-contrast, black and white with bright accents
        # role = FG BG ; FG8 BG8 ; attributes
        normal               = 231 16  ; white black  ;
        header               = 16 231  ; black white  ; bold
        columnHeader         = 231 16  ; white black  ; bold underline
        columnHeaderSelected = 16 226  ; black yellow ; bold
        card                 = 231 16  ; white black  ;
        cardSelected         = 16 231  ; black white  ; bold
        cardDragged          = 16 226  ; black yellow ; bold
        dim                  = 250 16  ; white black  ;
        warning              = 226 16  ; yellow black ; bold
        danger               = 196 16  ; red black    ; bold underline
        accent               = 51 16   ; cyan black   ; bold
        status               = 16 231  ; black white  ;
        statusError          = 231 196 ; white red    ; bold
        overlay              = 231 16  ; white black  ;
        overlayTitle         = 226 16  ; yellow black ; bold
        selection            = 16 231  ; black white  ; bold
        input                = 16 231  ; black white  ; underline
        """#,
        "light": #"""
        # funnel theme: light, for terminals with a light background
        # role = FG BG ; FG8 BG8 ; attributes
        normal               = 235 default ; black default ;
        header               = 231 25      ; white blue    ; bold
        columnHeader         = 235 252     ; black white   ;
        columnHeaderSelected = 231 31      ; white cyan    ; bold
        card                 = 235 255     ; black white   ;
        cardSelected         = 231 33      ; white blue    ;
        cardDragged          = 16 220      ; black yellow  ; bold
        dim                  = 243 255     ; black white   ; dim
        warning              = 166 255     ; red white     ; bold
        danger               = 160 255     ; red white     ; bold
        accent               = 25 255      ; blue white    ;
        status               = 235 252     ; black white   ;
        statusError          = 231 160     ; white red     ; bold
        overlay              = 235 254     ; black white   ;
        overlayTitle         = 25 254      ; blue white    ; bold
        selection            = 231 33      ; white blue    ;
        input                = 16 230      ; black yellow  ; underline
        """#,
        "mono": #"""
        # funnel theme: mono, no colours at all (used when NO_COLOR is set)
        # role = FG BG ; FG8 BG8 ; attributes
        normal               = default default ; default default ;
        header               = default default ; default default ; reverse bold
        columnHeader         = default default ; default default ; underline
        columnHeaderSelected = default default ; default default ; reverse bold
        card                 = default default ; default default ;
        cardSelected         = default default ; default default ; reverse
        cardDragged          = default default ; default default ; reverse bold underline
        dim                  = default default ; default default ; dim
        warning              = default default ; default default ; bold underline
        danger               = default default ; default default ; bold
        accent               = default default ; default default ; bold
        status               = default default ; default default ; reverse
        statusError          = default default ; default default ; reverse bold
        overlay              = default default ; default default ;
        overlayTitle         = default default ; default default ; bold
        selection            = default default ; default default ; reverse
        input                = default default ; default default ; underline
        """#,
    ]
}
