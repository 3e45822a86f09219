# Camau "fy marn", teimladau, sut i gymryd rhan, a phwy sy'n gallu gweld y farn.

step_worries_title = Pethau sy'n fy mhoeni
step_worries_question = Beth sy'n dy boeni di?
step_worries_hint = Rho un peth ym mhob blwch. Gall fod yn fawr neu'n fach.
step_going_well_title = Pethau sy'n mynd yn dda
step_going_well_question = Beth sy'n mynd yn dda i ti?
step_going_well_hint = Rho un peth ym mhob blwch. Gall fod yn fawr neu'n fach.
step_want_to_happen_title = Beth dw i eisiau iddo ddigwydd
step_want_to_happen_question = Beth wyt ti eisiau iddo ddigwydd?
step_want_to_happen_hint = Dy ddymuniadau a dy freuddwydion. Rho un peth ym mhob blwch.
step_feelings_title = Sut dw i'n teimlo
step_feelings_question = Sut wyt ti'n teimlo?
step_feelings_hint = Dewisa'r un sy'n ffitio orau. Gelli di hepgor hwn.
step_anything_else_title = Unrhyw beth arall
step_anything_else_question = Oes unrhyw beth arall rwyt ti eisiau ei ddweud?
step_anything_else_hint = Gelli di hepgor hwn.

feeling_very_happy = Hapus iawn
feeling_happy = Hapus
feeling_okay = Iawn
feeling_sad = Trist
feeling_very_sad = Trist iawn
feeling_worried = Poeni
feeling_angry = Crac

attendance_attend = Dw i eisiau mynd
attendance_attend_means = Rwyt ti'n mynd i'r cyfarfod, am ran ohono neu'r cyfan.
attendance_with_advocate = Dw i eisiau mynd gyda fy eiriolwr
attendance_with_advocate_means = Rwyt ti'n mynd, ac mae dy eiriolwr yn eistedd gyda ti ac yn dy helpu.
attendance_advocate_speaks = Mae fy eiriolwr yn siarad drosta i
attendance_advocate_speaks_means = Dwyt ti ddim yn mynd. Mae dy eiriolwr yn mynd ac yn dweud beth rwyt ti eisiau.
attendance_written_only = Dim ond anfon beth ysgrifennais i
attendance_written_only_means = Dwyt ti ddim yn mynd. Mae'r cyfarfod yn darllen beth ddywedaist ti yma.
attendance_not_taking_part = Dw i ddim eisiau cymryd rhan
attendance_not_taking_part_means = Mae hynny'n iawn. Gelli di newid dy feddwl.

audience_social_worker = Fy ngweithiwr cymdeithasol
audience_social_worker_means = Y person o'r cyngor sy'n dy helpu di.
audience_chair = Y person sy'n rhedeg y cyfarfod
audience_chair_means = Maen nhw'n gwneud yn siŵr bod pawb yn cael dweud eu dweud.
audience_family = Fy nheulu
audience_family_means = Dy rieni neu dy ofalwyr.
audience_meeting = Pawb yn y cyfarfod
audience_meeting_means = Yr holl bobl sy'n dod.
