//! Pictures drawn for myvoice, for the child's pages: one for each step, feeling and way of taking
//! part, so a child who reads little can find their way by looking. Plain SVG written into the
//! page (nothing more to fetch, sharp on any screen, the same in every language), decorative to a
//! screen reader: the words beside each picture say the same.
use leptos::prelude::*;

use crate::model::{AttendanceChoice, Audience, Feeling, Step};

/// Every picture there is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pic {
    Step(Step),
    Feeling(Feeling),
    Attendance(AttendanceChoice),
    Audience(Audience),
    Meeting,
    WhoSees,
}

/// A round face, yellow (orange when angry); the eyes and mouth are drawn on it.
fn face(fill: &str) -> String {
    format!(r##"<circle cx="32" cy="32" r="28" fill="{fill}" stroke="#5b4300" stroke-width="3"/>"##)
}

const YELLOW: &str = "#ffd43b";
const EYES: &str = r##"<circle cx="23" cy="26" r="3.5" fill="#3b2a00"/><circle cx="41" cy="26" r="3.5" fill="#3b2a00"/>"##;
const INK: &str = r##"fill="none" stroke="#3b2a00" stroke-width="3.5" stroke-linecap="round""##;
/// Someone, head and shoulders, standing at `x` (15 to 49).
fn person(x: u8, colour: &str) -> String {
    let left = x.saturating_sub(15);
    format!(
        r##"<circle cx="{x}" cy="22" r="9" fill="{colour}"/><path d="M{left} 56a15 16 0 0 1 30 0z" fill="{colour}"/>"##
    )
}

fn drawing(pic: Pic) -> String {
    use AttendanceChoice as A;
    let eyes_and = |mouth: &str| format!("{EYES}<path d=\"{mouth}\" {INK}/>");
    match pic {
        Pic::Step(Step::Worries) => r##"<path d="M14 38 a10 10 0 0 1 4-19 a14 14 0 0 1 26-3 a11 11 0 0 1 8 22 z" fill="#9aa7b8"/><path d="M20 44 l-3 8 M32 44 l-3 8 M44 44 l-3 8" stroke="#2f6fd6" stroke-width="3.5" stroke-linecap="round"/>"##.into(),
        Pic::Step(Step::GoingWell) => r##"<circle cx="32" cy="32" r="13" fill="#ffc107"/><g stroke="#f59f00" stroke-width="4" stroke-linecap="round"><path d="M32 6v8M32 50v8M6 32h8M50 32h8M13 13l6 6M45 45l6 6M13 51l6-6M45 19l6-6"/></g>"##.into(),
        Pic::Step(Step::WantToHappen) => r##"<g fill="none" stroke-width="5"><path d="M8 50a24 24 0 0 1 48 0" stroke="#e03131"/><path d="M14 50a18 18 0 0 1 36 0" stroke="#f59f00"/><path d="M20 50a12 12 0 0 1 24 0" stroke="#2f9e44"/><path d="M26 50a6 6 0 0 1 12 0" stroke="#1c7ed6"/></g>"##.into(),
        Pic::Step(Step::Feelings) => r##"<ellipse cx="36" cy="24" rx="22" ry="16" fill="#e7f0ff" stroke="#1c7ed6" stroke-width="3"/><circle cx="16" cy="46" r="5" fill="#e7f0ff" stroke="#1c7ed6" stroke-width="3"/><circle cx="8" cy="56" r="3" fill="#e7f0ff" stroke="#1c7ed6" stroke-width="2.5"/><path d="M26 26q5 5 10 0q5-5 10 0" fill="none" stroke="#1c7ed6" stroke-width="3" stroke-linecap="round"/>"##.into(),
        Pic::Step(Step::AnythingElse) => r##"<g transform="rotate(45 32 32)"><rect x="26" y="6" width="12" height="40" rx="2" fill="#ffc107" stroke="#5b4300" stroke-width="2.5"/><path d="M26 46h12l-6 12z" fill="#f1d3a4" stroke="#5b4300" stroke-width="2.5"/><rect x="26" y="6" width="12" height="7" fill="#e64980"/></g>"##.into(),
        Pic::Feeling(Feeling::VeryHappy) => format!("{}{EYES}<path d=\"M18 36q14 20 28 0z\" fill=\"#3b2a00\"/>", face(YELLOW)),
        Pic::Feeling(Feeling::Happy) => format!("{}{}", face(YELLOW), eyes_and("M20 38q12 12 24 0")),
        Pic::Feeling(Feeling::Okay) => format!("{}{}", face(YELLOW), eyes_and("M21 42h22")),
        Pic::Feeling(Feeling::Sad) => format!("{}{}", face(YELLOW), eyes_and("M20 46q12-10 24 0")),
        Pic::Feeling(Feeling::VerySad) => format!("{}{}<path d=\"M41 31q-4 7 0 9q4-2 0-9z\" fill=\"#1c7ed6\"/>", face(YELLOW), eyes_and("M19 48q13-14 26 0")),
        Pic::Feeling(Feeling::Worried) => format!("{}{}<path d=\"M17 18l10-3M47 18l-10-3\" {INK}/>", face(YELLOW), eyes_and("M19 44q4-4 8 0t8 0t8 0")),
        Pic::Feeling(Feeling::Angry) => format!("{}{}<path d=\"M16 17l12 6M48 17l-12 6\" {INK}/>", face("#ff8a65"), eyes_and("M21 46q11-8 22 0")),
        Pic::Attendance(A::Attend) => format!("<rect x=\"6\" y=\"44\" width=\"52\" height=\"6\" rx=\"2\" fill=\"#8d6e63\"/>{}", person(32, "#1c7ed6")),
        Pic::Attendance(A::AttendWithAdvocate) => format!("{}{}", person(20, "#1c7ed6"), person(44, "#2f9e44")),
        Pic::Attendance(A::AdvocateSpeaksForMe) => format!("{}<path d=\"M34 6h24a4 4 0 0 1 4 4v12a4 4 0 0 1-4 4h-14l-6 6v-6h-4a4 4 0 0 1-4-4v-12a4 4 0 0 1 4-4z\" fill=\"#fff\" stroke=\"#2f9e44\" stroke-width=\"3\"/>", person(20, "#2f9e44")),
        Pic::Attendance(A::WrittenViewsOnly) => r##"<path d="M14 6h26l10 10v42h-36z" fill="#fff" stroke="#495057" stroke-width="3"/><path d="M20 26h24M20 34h24M20 42h16" stroke="#1c7ed6" stroke-width="3" stroke-linecap="round"/>"##.into(),
        Pic::Attendance(A::NotTakingPart) => r##"<rect x="16" y="6" width="32" height="52" rx="2" fill="#a87c5a" stroke="#5b4300" stroke-width="3"/><circle cx="40" cy="34" r="3" fill="#ffd43b"/>"##.into(),
        Pic::Audience(Audience::SocialWorker) => format!("{}<rect x=\"36\" y=\"30\" width=\"20\" height=\"26\" rx=\"2\" fill=\"#fff\" stroke=\"#495057\" stroke-width=\"3\"/><path d=\"M41 39h10M41 46h10\" stroke=\"#1c7ed6\" stroke-width=\"3\"/>", person(24, "#7048e8")),
        Pic::Audience(Audience::Chair) => format!("{}<rect x=\"4\" y=\"46\" width=\"56\" height=\"8\" rx=\"2\" fill=\"#8d6e63\"/><rect x=\"24\" y=\"38\" width=\"16\" height=\"8\" fill=\"#fff\" stroke=\"#495057\" stroke-width=\"2\"/>", person(32, "#e8590c")),
        Pic::Audience(Audience::Family) => format!("{}{}<circle cx=\"32\" cy=\"38\" r=\"6\" fill=\"#f59f00\"/><path d=\"M23 58a9 10 0 0 1 18 0z\" fill=\"#f59f00\"/>", person(16, "#1c7ed6"), person(48, "#e64980")),
        Pic::Audience(Audience::Meeting) => format!("{}{}{}<rect x=\"2\" y=\"50\" width=\"60\" height=\"8\" rx=\"2\" fill=\"#8d6e63\"/>", person(15, "#1c7ed6"), person(32, "#2f9e44"), person(49, "#e8590c")),
        Pic::Meeting => r##"<rect x="8" y="12" width="48" height="44" rx="4" fill="#fff" stroke="#495057" stroke-width="3"/><rect x="8" y="12" width="48" height="12" rx="4" fill="#e03131"/><path d="M20 6v12M44 6v12" stroke="#495057" stroke-width="4" stroke-linecap="round"/><g fill="#1c7ed6"><rect x="16" y="32" width="8" height="7"/><rect x="28" y="32" width="8" height="7"/><rect x="40" y="32" width="8" height="7"/><rect x="16" y="44" width="8" height="7"/></g>"##.into(),
        Pic::WhoSees => r##"<g stroke="#3b2a00" stroke-width="3"><ellipse cx="20" cy="32" rx="12" ry="15" fill="#fff"/><ellipse cx="44" cy="32" rx="12" ry="15" fill="#fff"/></g><circle cx="23" cy="34" r="5" fill="#1c7ed6"/><circle cx="47" cy="34" r="5" fill="#1c7ed6"/>"##.into(),
    }
}

/// The picture, sized by the page's CSS (`.pic`; bigger in the easier pages).
#[component]
pub fn Picture(pic: Pic) -> impl IntoView {
    let svg = format!(
        r#"<svg viewBox="0 0 64 64" width="64" height="64" focusable="false">{}</svg>"#,
        drawing(pic)
    );
    view! { <span class="pic" aria-hidden="true" inner_html=svg></span> }
}
