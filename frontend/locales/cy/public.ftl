# Tudalennau y gall unrhyw un eu hagor cyn mewngofnodi, i blentyn neu oedolyn yn ei deulu.
# `{ $link }` marks where a phone number's link goes in a sentence.

page_description = Dy gyfarfod. Dy lais.
language_label = Iaith

landing_title = Dy lais
landing_heading = Dy gyfarfod. Dy lais.
landing_meeting = Mae oedolion yn cael cyfarfod am dy fywyd di.
landing_tell = Gelli di ddweud wrthyn nhw beth rwyt ti'n ei feddwl. Gall dy eiriolwr dy helpu di.
landing_code_title = Wedi cael cod gan dy eiriolwr?
landing_code_body = Rhoddodd dy eiriolwr god a PIN i ti. Byddi di'n eu defnyddio i ddechrau.
landing_sign_in = Mewngofnodi gyda fy nghod
landing_no_advocate_title = Dim eiriolwr eto?
landing_no_advocate_body = Mae eiriolwr yn rhywun sydd ar dy ochr di. Maen nhw'n dy helpu i ddweud beth rwyt ti eisiau.
landing_ask = Gofyn am eiriolwr
landing_danger = Ffonia { $link } os wyt ti mewn perygl.
landing_childline = Ffonia Childline am ddim ar { $link }. Maen nhw yno unrhyw bryd.
landing_staff = Mewngofnodi i staff

ask_title = Gofyn am eiriolwr
ask_intro = Mae eiriolwr yn rhywun sydd ar dy ochr di. Maen nhw'n dy helpu i ddweud beth rwyt ti'n ei feddwl mewn cyfarfodydd am dy fywyd.
ask_yourself = Gelli di ofyn am un dy hun. Gall oedolyn yn dy deulu ofyn hefyd. Mae am ddim.
ask_soon = Byddwn ni'n dod yn ôl atat ti cyn bo hir. Os nad wyt ti'n ddiogel nawr, ffonia 999.
ask_name = Dy enw
ask_contact = Sut gallwn ni ddod yn ôl atat ti?
ask_contact_hint = Rhif ffôn neu e-bost.
ask_about = Gyda beth hoffet ti help?
ask_about_hint = Dweud e yn dy ffordd di. Mae ychydig eiriau'n iawn.
ask_council = Dy gyngor
ask_council_hint = Y cyngor sy'n helpu dy deulu. Er enghraifft: Somerset.
ask_meeting_kind = Oes cyfarfod? Am beth mae e?
ask_meeting_date = Pryd mae'r cyfarfod?
ask_meeting_date_hint = Os wyt ti'n gwybod. Gelli di adael hwn yn wag.
ask_send = Anfon fy neges
ask_problem_name = Dywed dy enw wrthon ni, os gweli di'n dda.
ask_problem_contact = Rho rif ffôn neu e-bost i ni, fel y gallwn ni ddod yn ôl atat ti.
ask_problem_about = Dywed ychydig wrthon ni am beth hoffet ti help gydag e.
ask_problem_council = Dywed enw dy gyngor wrthon ni.
ask_problem_unknown_council = Dydyn ni ddim yn adnabod y cyngor hwnnw. Gwiria'r enw, os gweli di'n dda.
ask_problem_date = Mae'r diwrnod hwnnw wedi mynd yn barod. Gwiria'r dyddiad, neu gad e'n wag.
ask_problem_not_a_date = Doedden ni ddim yn gallu darllen y dyddiad hwnnw. Dewisa'r diwrnod, neu gad e'n wag.
ask_problem_too_long = Mae hynna ychydig yn rhy hir i ni. Gwna fe'n fyrrach, os gweli di'n dda.
ask_problem_busy = Cafodd llawer o negeseuon eu hanfon o fan hyn jyst nawr. Aros funud, yna pwysa Anfon eto. Mae dy eiriau yma o hyd.
ask_kind_unknown = Dw i ddim yn gwybod
ask_kind_first_safety = Cyfarfod cyntaf i helpu i gadw plentyn yn ddiogel
ask_kind_safety_review = Cyfarfod i wirio'r cynllun i gadw plentyn yn ddiogel
ask_kind_help_family = Cyfarfod am help i blentyn a'i deulu
ask_kind_review = Adolygiad i blentyn mewn gofal
ask_kind_family = Cyfarfod teulu i wneud cynllun

thanks_title = Diolch
thanks_heading = Diolch. Rydyn ni wedi cael dy neges.
thanks_soon = Bydd rhywun o'r tîm eirioli yn cysylltu â ti cyn bo hir.
thanks_advocate = Mae eiriolwr yn berson sy'n dy helpu i ddweud beth rwyt ti'n ei feddwl.
thanks_danger = Os nad wyt ti'n ddiogel nawr, ffonia { $link }.
thanks_childline = Gelli di siarad â Childline am ddim unrhyw bryd ar { $link }.
thanks_back = Yn ôl i'r dechrau

not_found_title = Heb ddod o hyd i'r dudalen
not_found_heading = Allwn ni ddim dod o hyd i'r dudalen honno
not_found_start = Mynd i'r dechrau
