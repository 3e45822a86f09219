# Pob math o gyfarfod, fel mae "Fy nghyfarfod" yn ei esbonio: ei enw, beth yw ei bwrpas, pwy sydd
# yno, a beth sy'n digwydd (un llinell yr un).

meeting_first_safety_name = Cyfarfod i helpu i dy gadw di'n ddiogel
meeting_first_safety_what = Mae rhai oedolion yn poeni amdanat ti. Maen nhw'n cyfarfod i wneud cynllun i dy gadw di'n ddiogel. Dydy e ddim yn ymwneud â mynd â phlant i ffwrdd.
meeting_first_safety_who = Dy deulu, dy weithiwr cymdeithasol, a phobl o'r ysgol, o'r byd iechyd ac o dimau eraill. Gall dy eiriolwr ddod hefyd.
meeting_first_safety_happens =
    Mae'r person sy'n rhedeg y cyfarfod yn gwneud yn siŵr bod pawb yn cael dweud eu dweud. Mae hynny'n cynnwys ti.
    Mae popeth yn cael ei ysgrifennu ar fwrdd gwyn mawr: pryderon, beth sy'n mynd yn dda, a beth sydd angen digwydd nesaf.
    Ar y diwedd maen nhw'n penderfynu a oes angen cynllun i dy gadw di'n ddiogel.

meeting_safety_review_name = Cyfarfod i wirio'r cynllun i dy gadw di'n ddiogel
meeting_safety_review_what = Mae'r oedolion yn gwirio sut mae'r cynllun i dy gadw di'n ddiogel yn mynd. Maen nhw'n edrych ar beth sydd wedi gwella a beth sy'n dal i'w poeni nhw.
meeting_safety_review_who = Dy deulu, dy weithiwr cymdeithasol, a phobl o'r ysgol, o'r byd iechyd ac o dimau eraill. Gall dy eiriolwr ddod hefyd.
meeting_safety_review_happens =
    Mae'r person sy'n rhedeg y cyfarfod yn gwneud yn siŵr bod pawb yn cael dweud eu dweud. Mae hynny'n cynnwys ti.
    Mae popeth yn cael ei ysgrifennu ar fwrdd gwyn mawr: pryderon, beth sy'n mynd yn dda, a beth sydd angen digwydd nesaf.
    Maen nhw'n penderfynu a oes angen y cynllun o hyd.

meeting_help_family_name = Cyfarfod am help i ti a dy deulu
meeting_help_family_what = Mae'r oedolion yn gwirio sut mae'r cynllun i dy helpu di a dy deulu yn mynd.
meeting_help_family_who = Dy deulu, dy weithiwr cymdeithasol, a phobl sy'n dy helpu di, fel dy ysgol.
meeting_help_family_happens =
    Mae pawb yn dweud beth sy'n mynd yn dda a beth sy'n anodd.
    Maen nhw'n cytuno pa help fyddi di a dy deulu yn ei gael nesaf.

meeting_small_plan_name = Cyfarfod bach am dy gynllun
meeting_small_plan_what = Mae grŵp bach yn gwirio bod y cynllun i dy gadw di'n ddiogel yn cael ei wneud.
meeting_small_plan_who = Dy deulu, dy weithiwr cymdeithasol ac ambell berson sy'n dy helpu di.
meeting_small_plan_happens =
    Maen nhw'n mynd drwy'r cynllun un peth ar y tro.
    Maen nhw'n cytuno pwy fydd yn gwneud beth nesaf.

meeting_review_name = Dy gyfarfod adolygu
meeting_review_what = Cyfarfod am sut mae pethau'n mynd i ti lle rwyt ti'n byw, yn yr ysgol, a gyda'r bobl sy'n bwysig i ti.
meeting_review_who = Mae'r person sy'n ei redeg yn gwirio bod dy gynllun yn iawn i ti. Mae dy weithiwr cymdeithasol a dy ofalwyr yno fel arfer. Gelli di ddod, a gall dy eiriolwr helpu.
meeting_review_happens =
    Mae pawb yn siarad am beth sy'n mynd yn dda a beth allai fod yn well.
    Gelli di ddweud beth rwyt ti eisiau. Dy gyfarfod di yw e.
    Maen nhw'n cytuno beth sy'n digwydd nesaf.

meeting_where_lived_name = Cyfarfod am y lle roeddet ti'n byw
meeting_where_lived_what = Wnaeth pethau ddim gweithio yn y lle roeddet ti'n byw. Mae'r cyfarfod hwn i ddeall pam, fel bod y tro nesaf yn well i ti. Dydy e ddim i roi'r bai arnat ti.
meeting_where_lived_who = Dy weithiwr cymdeithasol, dy hen ofalwyr a phobl sy'n dy helpu di.
meeting_where_lived_happens =
    Mae pawb yn dweud beth aeth yn dda a beth aeth o'i le.
    Maen nhw'n dysgu o hynny i wneud pethau'n well i ti.

meeting_new_team_name = Cyfarfod am symud i dîm newydd
meeting_new_team_what = Rwyt ti'n symud i le lle bydd tîm o gyngor gwahanol yn dy helpu di. Mae'r cyfarfod hwn yn trosglwyddo pethau fel nad oes dim byd yn mynd ar goll.
meeting_new_team_who = Dy deulu, dy weithiwr cymdeithasol a'r tîm newydd.
meeting_new_team_happens =
    Maen nhw'n rhannu beth maen nhw'n ei wybod amdanat ti a dy gynllun.
    Mae'r tîm newydd yn dweud sut byddan nhw'n helpu.

meeting_family_name = Dy gyfarfod teulu
meeting_family_what = Mae dy deulu a phobl sy'n agos atat ti yn dod at ei gilydd i wneud cynllun.
meeting_family_who = Dy deulu a phobl sy'n bwysig i ti. Mae rhywun yn helpu'r cyfarfod i redeg.
meeting_family_happens =
    Mae dy deulu'n cael amser ar eu pennau eu hunain i wneud y cynllun.
    Mae dy eiriolwr yn dy helpu i ddweud beth rwyt ti eisiau. Dydyn nhw ddim yn anfon dy farn o flaen llaw.

meeting_help_with_name = Help gyda rhywbeth
meeting_help_with_what = Rwyt ti eisiau help i ddatrys rhywbeth. Gall dy eiriolwr dy helpu di.
meeting_help_with_who = Ti a dy eiriolwr.
meeting_help_with_happens =
    Mae dy eiriolwr yn gwrando ar beth rwyt ti eisiau.
    Maen nhw'n dy helpu i ddweud wrth y bobl iawn.

meeting_not_happy_name = Dweud nad wyt ti'n hapus
meeting_not_happy_what = Dwyt ti ddim yn hapus am rywbeth. Mae gen ti'r hawl i ddweud hynny.
meeting_not_happy_who = Ti a dy eiriolwr.
meeting_not_happy_happens =
    Mae dy eiriolwr yn dy helpu i ddweud beth sydd o'i le a beth rwyt ti eisiau.
    Rhaid i rywun edrych i mewn iddo a dweud wrthot ti beth fyddan nhw'n ei wneud.
