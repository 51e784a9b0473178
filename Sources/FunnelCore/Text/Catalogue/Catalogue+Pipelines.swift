extension Catalogue {
    /// More than one pipeline (`funnel pipelines`, `--pipeline`, `P` on the board).
    static let englishPipelines: [TextKey: CatalogueEntry] = [
        .onlyManagersEditPipelines: "only a manager can add or rename pipelines",
        .emptyPipelineName: "a pipeline needs a name (letters, no line breaks or control characters)",
        .pipelineNameTaken: "there is already a pipeline named “{name}” (or with that id)",
        .pipelineNameReserved: "“{name}” cannot name a pipeline: --pipeline all means every pipeline",
        .tooManyPipelines: "a data directory holds at most {limit} pipelines",
        .unknownPipeline: "no pipeline {text} (pipelines: {known})",
        .keySwitchPipeline: "show another pipeline (a list if more than two)",
        .pickPipelineTitle: "Switch to pipeline",
        .statusPipelineShown: "pipeline: {name}",
        .statusOnePipeline: "one pipeline only; a manager adds another with: funnel pipelines add NAME",
        .headerPipeline: "pipeline {name}",
        .cliPipelineAdded: "added pipeline {name} (id {id}); its stages: funnel stages --pipeline {id}",
        .cliPipelineRenamed: "renamed pipeline {id} to {name}",
        .cliMovedToPipeline: "moved {id} from {from} to {to} in pipeline {pipeline}",
        .cliPipelinesHeader: "pipeline {name}",
        .cliPipelineTotal: "all pipelines",
    ]

    static let hebrewPipelines: [TextKey: CatalogueEntry] = [
        .onlyManagersEditPipelines: "רק מנהל יכול להוסיף משפכים או לשנות את שמם",
        .emptyPipelineName: "משפך צריך שם (אותיות, בלי שבירת שורה או תווי בקרה)",
        .pipelineNameTaken: "כבר יש משפך בשם \"{name}\" (או עם המזהה הזה)",
        .pipelineNameReserved: "\"{name}\" אינו יכול להיות שם של משפך: ‎--pipeline all‎ פירושו כל המשפכים",
        .tooManyPipelines: "בתיקיית נתונים יש לכל היותר {limit} משפכים",
        .unknownPipeline: "אין משפך {text} (המשפכים: {known})",
        .keySwitchPipeline: "משפך אחר (רשימה אם יש יותר משניים)",
        .pickPipelineTitle: "מעבר למשפך",
        .statusPipelineShown: "משפך: {name}",
        .statusOnePipeline: "יש משפך אחד בלבד; מנהל מוסיף עוד עם: funnel pipelines add NAME",
        .headerPipeline: "משפך {name}",
        .cliPipelineAdded: "נוסף המשפך {name} (מזהה {id}); השלבים שלו: funnel stages --pipeline {id}",
        .cliPipelineRenamed: "שם המשפך {id} שונה ל{name}",
        .cliMovedToPipeline: "{id} הועברה מ{from} ל{to} במשפך {pipeline}",
        .cliPipelinesHeader: "משפך {name}",
        .cliPipelineTotal: "כל המשפכים",
    ]

    static let arabicPipelines: [TextKey: CatalogueEntry] = [
        .onlyManagersEditPipelines: "المدير وحده يستطيع إضافة مسارات مبيعات أو تغيير أسمائها",
        .emptyPipelineName: "يحتاج مسار المبيعات إلى اسم (أحرف، بلا فواصل أسطر أو محارف تحكم)",
        .pipelineNameTaken: "يوجد مسار مبيعات باسم \"{name}\" (أو بهذا المعرّف) بالفعل",
        .pipelineNameReserved: "لا يمكن تسمية مسار \"{name}\": ‎--pipeline all‎ تعني كل المسارات",
        .tooManyPipelines: "يحوي مجلد البيانات {limit} مسارًا على الأكثر",
        .unknownPipeline: "لا يوجد مسار {text} (المسارات: {known})",
        .keySwitchPipeline: "مسار آخر (قائمة إن كانت أكثر من اثنين)",
        .pickPipelineTitle: "الانتقال إلى مسار",
        .statusPipelineShown: "المسار: {name}",
        .statusOnePipeline: "يوجد مسار واحد فقط؛ يضيف المدير مسارًا آخر بالأمر: funnel pipelines add NAME",
        .headerPipeline: "مسار {name}",
        .cliPipelineAdded: "أضيف المسار {name} (المعرّف {id})؛ مراحله: funnel stages --pipeline {id}",
        .cliPipelineRenamed: "غُيّر اسم المسار {id} إلى {name}",
        .cliMovedToPipeline: "نُقلت {id} من {from} إلى {to} في المسار {pipeline}",
        .cliPipelinesHeader: "مسار {name}",
        .cliPipelineTotal: "كل المسارات",
    ]
}
