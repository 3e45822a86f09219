//! Words of the pages anyone can open, before signing in: the start page, "ask for an advocate"
//! (a child or a grown-up in the family), "page not found", and the language picker.
use super::words;

words! {
    pub struct PublicWords {
        /// The page description every child page carries.
        page_description,
        /// The language picker's name for screen readers.
        language_label,

        landing_title,
        landing_heading,
        landing_meeting,
        landing_tell,
        landing_code_title,
        landing_code_body,
        landing_sign_in,
        landing_no_advocate_title,
        landing_no_advocate_body,
        landing_ask,
        /// `{ $link }`: where "999" goes (a link).
        landing_danger,
        /// `{ $link }`: where "0800 1111" goes.
        landing_childline,
        landing_staff,

        ask_title,
        ask_intro,
        ask_yourself,
        ask_soon,
        ask_name,
        ask_contact,
        ask_contact_hint,
        ask_about,
        ask_about_hint,
        ask_council,
        ask_council_hint,
        ask_meeting_kind,
        ask_meeting_date,
        ask_meeting_date_hint,
        ask_send,
        ask_problem_name,
        ask_problem_contact,
        ask_problem_about,
        ask_problem_council,
        ask_problem_unknown_council,
        ask_problem_date,
        ask_problem_not_a_date,
        ask_problem_too_long,
        ask_problem_busy,
        ask_kind_unknown,
        ask_kind_first_safety,
        ask_kind_safety_review,
        ask_kind_help_family,
        ask_kind_review,
        ask_kind_family,

        thanks_title,
        thanks_heading,
        thanks_soon,
        thanks_advocate,
        /// `{ $link }`: where "999" goes.
        thanks_danger,
        /// `{ $link }`: where "0800 1111" goes.
        thanks_childline,
        thanks_back,

        not_found_title,
        not_found_heading,
        not_found_start,
    }
}
