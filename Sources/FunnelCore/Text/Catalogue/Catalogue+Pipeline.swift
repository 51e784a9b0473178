extension Catalogue {
    /// Changing the stages and lost reasons (`funnel stages`, `funnel lost-reasons`, the stage editor).
    static let englishPipeline: [TextKey: CatalogueEntry] = [
        .onlyManagersEditPipeline: "only a manager can change the stages and lost reasons",
        .pipelineNeedsKind: "a pipeline needs at least one {kind} stage; this change would leave none",
        .emptyStageName: "a stage needs a name (letters, no line breaks or control characters)",
        .stageNameTaken: "there is already a stage named “{name}”",
        .badStageID: "“{id}” is not a stage id: lower-case letters a–z and digits, words joined by single hyphens, at most 40",
        .stageIDTaken: "there is already a stage with id {id}; give another with --id",
        .stagePlacedByItself: "{stage} cannot be placed next to, or emptied into, itself",
        .inboxStaysFirst: "the inbox {stage} stays first: it cannot be removed, moved or changed to another kind (R4)",
        .settingOutOfRange: "{setting} {value} is outside {low} … {high}",
        .stageKindWithDeals: "{stage} holds deals ({count}): move them out before changing its kind",
        .stageStillHasDeals: "{stage} holds deals ({count}): say where they go: funnel stages remove {id} --to STAGE",
        .emptyLostReason: "a lost reason needs words (no line breaks or control characters)",
        .lostReasonExists: "“{reason}” is already a lost reason",
        .lastLostReason: "“{reason}” is the last lost reason: closing a deal as lost needs one (R7); add another first",
        .dealsRefusedMove: "deals in {stage} that cannot move to {target}: {count}; the first: {first}; nothing was changed",
    ]

    static let hebrewPipeline: [TextKey: CatalogueEntry] = [
        .onlyManagersEditPipeline: "רק מנהל יכול לשנות את השלבים ואת סיבות ההפסד",
        .pipelineNeedsKind: "משפך צריך לפחות שלב אחד מסוג {kind}; השינוי הזה לא ישאיר אף אחד",
        .emptyStageName: "לשלב צריך שם (אותיות, בלי שורות חדשות או תווי בקרה)",
        .stageNameTaken: "כבר יש שלב בשם \"{name}\"",
        .badStageID: "\"{id}\" אינו מזהה שלב: אותיות לטיניות קטנות a–z וספרות, מילים מחוברות במקף אחד, עד 40",
        .stageIDTaken: "כבר יש שלב עם המזהה {id}; תנו מזהה אחר עם --id",
        .stagePlacedByItself: "אי אפשר למקם את {stage} ליד עצמו או להעביר את עסקאותיו אליו",
        .inboxStaysFirst: "תיבת הנכנסות {stage} נשארת ראשונה: אי אפשר להסיר אותה, להזיז אותה או לשנות את סוגה (R4)",
        .settingOutOfRange: "{setting} {value} מחוץ לטווח {low} … {high}",
        .stageKindWithDeals: "ב-{stage} יש עסקאות ({count}): העבירו אותן לפני שמשנים את סוג השלב",
        .stageStillHasDeals: "ב-{stage} יש עסקאות ({count}): אמרו לאן הן עוברות: funnel stages remove {id} --to STAGE",
        .emptyLostReason: "לסיבת הפסד צריכות להיות מילים (בלי שורות חדשות או תווי בקרה)",
        .lostReasonExists: "\"{reason}\" כבר סיבת הפסד",
        .lastLostReason: "\"{reason}\" היא סיבת ההפסד האחרונה: סגירת עסקה כהפסד דורשת אחת (R7); הוסיפו אחרת קודם",
        .dealsRefusedMove: "עסקאות ב-{stage} שאינן יכולות לעבור ל-{target}: {count}; הראשונה: {first}; דבר לא שונה",
    ]

    static let arabicPipeline: [TextKey: CatalogueEntry] = [
        .onlyManagersEditPipeline: "المدير وحده يستطيع تغيير المراحل وأسباب الخسارة",
        .pipelineNeedsKind: "يحتاج القمع إلى مرحلة واحدة على الأقل من نوع {kind}؛ هذا التغيير لن يُبقي أيًّا منها",
        .emptyStageName: "تحتاج المرحلة إلى اسم (حروف، بلا أسطر جديدة أو محارف تحكم)",
        .stageNameTaken: "توجد مرحلة باسم \"{name}\" بالفعل",
        .badStageID: "\"{id}\" ليس معرّف مرحلة: حروف لاتينية صغيرة a–z وأرقام، كلمات يصل بينها شرطة واحدة، 40 على الأكثر",
        .stageIDTaken: "توجد مرحلة بالمعرّف {id} بالفعل؛ أعطِ معرّفًا آخر بـ --id",
        .stagePlacedByItself: "لا يمكن وضع {stage} بجانب نفسها ولا نقل صفقاتها إليها",
        .inboxStaysFirst: "صندوق الوارد {stage} يبقى أولًا: لا يمكن حذفه ولا نقله ولا تغيير نوعه (R4)",
        .settingOutOfRange: "{setting} {value} خارج النطاق {low} … {high}",
        .stageKindWithDeals: "في {stage} صفقات ({count}): انقلها قبل تغيير نوع المرحلة",
        .stageStillHasDeals: "في {stage} صفقات ({count}): حدّد إلى أين تذهب: funnel stages remove {id} --to STAGE",
        .emptyLostReason: "يحتاج سبب الخسارة إلى كلمات (بلا أسطر جديدة أو محارف تحكم)",
        .lostReasonExists: "\"{reason}\" سبب خسارة موجود بالفعل",
        .lastLostReason: "\"{reason}\" هو آخر سبب خسارة: إغلاق صفقة كخاسرة يحتاج إلى سبب (R7)؛ أضف سببًا آخر أولًا",
        .dealsRefusedMove: "صفقات في {stage} لا يمكن نقلها إلى {target}: {count}؛ الأولى: {first}؛ لم يتغير شيء",
    ]
}
