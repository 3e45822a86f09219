//! Words with variables: a child's own name, a day, a count. Fluent fills them in, choosing the
//! plural form the language needs (Welsh, Polish and Arabic have several).
use super::catalogue::{Arg, say};
use super::current;

macro_rules! phrases {
    ($($(#[$meta:meta])* $name:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            $(#[$meta])*
            pub fn $name($($arg: $ty),*) -> String {
                say(current(), stringify!($name), &[$((stringify!($arg), Arg::from($arg))),*])
            }
        )*
        /// The catalogue keys of these phrases: the functions' names.
        pub const KEYS: &[&str] = &[$(stringify!($name)),*];
    };
}

phrases! {
    /// "Your meeting has moved. It is now on {when}."
    meeting_moved(when: &str);
    /// "Step 2 of 5".
    step_of(n: usize, total: usize);
    /// The label of the n-th box ("Thing 2").
    item_label(n: usize);
    /// "They got your views on Tuesday 1 December."
    views_got_there(day: &str);
    /// Who the "not safe" request reached: `who` is `advocate`, `duty`, `service` or several joined
    /// with `-` in that order (`advocate-duty`), or `none` when nobody could be told at once. Each
    /// language writes every case whole, so "and" and its mutations come out right.
    not_safe_told(who: &str);
    /// "What do you call “{usual}”?"
    names_label(usual: &str);
    /// "read them on {when}": the one time.
    read_once(when: &str);
    /// Read `times` times, all on the same day and minute.
    read_times_on(times: usize, when: &str);
    /// Read `times` times, first on `first` and last on `last`.
    read_often(first: &str, last: &str, times: usize);
    /// "Hello, {name}" at the top of "my meeting".
    hello(name: &str);
    /// "{name} is your advocate. They are on your side…"
    advocate_is(name: &str);
    /// "{name}, your advocate, has your views."
    sent_body_named(name: &str);
    /// "What happened at “{name}”", the child's own name for their meeting.
    after_title_named(name: &str);
}

/// "{n} letters left" for the typing island, which counts in the browser without the catalogue:
/// the server sends the sentence with `{n}` where the number goes. Written in every language so it
/// needs no plural form (Polish "Zostało liter: {n}"), since the browser cannot choose one.
pub fn letters_left_template() -> String {
    say(current(), "letters_left", &[("n", Arg::from("{n}"))])
}

/// Keys asked for outside the `phrases!` list above.
pub const OTHER_KEYS: &[&str] = &["letters_left"];
