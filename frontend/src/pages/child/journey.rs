//! Where a page is in the child's journey. Every page from the first step to "Check and send"
//! counts, so the last one says "Step N of N" (the receipt after it is not a step).
use leptos::prelude::*;

use super::views::Part;

/// A page of the journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    Part(Part),
    Check,
}

const JOURNEY: [Stop; 8] = [
    Stop::Part(Part::Worries),
    Stop::Part(Part::GoingWell),
    Stop::Part(Part::WantToHappen),
    Stop::Part(Part::Feelings),
    Stop::Part(Part::AnythingElse),
    Stop::Part(Part::Coming),
    Stop::Part(Part::WhoSees),
    Stop::Check,
];

/// "Step 3 of 8".
pub fn progress(stop: Stop) -> String {
    let n = JOURNEY.iter().position(|s| *s == stop).unwrap_or(0) + 1;
    crate::text::phrase::step_of(n, JOURNEY.len())
}

/// The progress line at the top of a journey page.
#[component]
pub fn Progress(stop: Stop) -> impl IntoView {
    view! { <p class="progress">{progress(stop)}</p> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_page_is_step_n_of_n() {
        assert_eq!(progress(Stop::Part(Part::Worries)), "Step 1 of 8");
        assert_eq!(progress(Stop::Part(Part::WhoSees)), "Step 7 of 8");
        assert_eq!(progress(Stop::Check), "Step 8 of 8");
    }
}
