//! The printable statement of each of the child's views, as HTML in the archive: the same content
//! as `/staff/statement/:viewsId` (the API's `Statement` data: the newest version the child sent,
//! who it was shared with and handed to), built from rows already loaded, so a statement costs no
//! query and no `views.read` event of its own (the export is audited once, as an export).
//! The child's words are escaped, never changed.
use std::collections::HashMap;
use std::fmt::Write;

use entity::enums::{AttendanceChoice, Audience, Feeling, ViewsStatus};
use entity::{meeting, views};

use crate::data_protection::held::Held;
use crate::error::ApiResult;
use crate::views::history::snapshot_content;

/// HTML text: `&`, `<`, `>`, `"` and `'` as entities, everything else as written.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn feeling(f: Feeling) -> &'static str {
    match f {
        Feeling::VeryHappy => "very happy",
        Feeling::Happy => "happy",
        Feeling::Okay => "okay",
        Feeling::Sad => "sad",
        Feeling::VerySad => "very sad",
        Feeling::Worried => "worried",
        Feeling::Angry => "angry",
    }
}

fn attendance(a: AttendanceChoice) -> &'static str {
    match a {
        AttendanceChoice::Attend => "will go to the meeting",
        AttendanceChoice::AttendWithAdvocate => "will go to the meeting with their advocate",
        AttendanceChoice::AdvocateSpeaksForMe => "wants their advocate to speak for them",
        AttendanceChoice::WrittenViewsOnly => "wants their written views read, without going",
        AttendanceChoice::NotTakingPart => "does not want to take part",
    }
}

fn audience(a: Audience) -> &'static str {
    match a {
        Audience::SocialWorker => "Social worker",
        Audience::Chair => "Chair (ISRO)",
        Audience::Family => "Family",
        Audience::Meeting => "Everyone at the meeting",
    }
}

fn staff_time(at: &chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::London)
        .format("%-d %B %Y, %H:%M")
        .to_string()
}

/// One statement: `(file name, HTML)`, or `None` for views the child never sent.
fn one(
    held: &Held,
    views: &views::Model,
    meeting: Option<&meeting::Model>,
    names: &HashMap<i32, String>,
) -> ApiResult<Option<(String, String)>> {
    let Some(version) = held
        .views_versions
        .iter()
        .filter(|v| v.views_id == views.id && v.status != ViewsStatus::Draft)
        .max_by_key(|v| v.version)
    else {
        return Ok(None);
    };
    let content = snapshot_content(version)?;
    let child = escape(&held.child.preferred_name);
    let mut h = String::new();
    // `write!` to a String cannot fail.
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>{child}'s views: statement</title>\
         <style>body{{font-family:sans-serif;max-width:42em;margin:2em auto;line-height:1.5}}\
         .hint{{color:#444}}</style></head><body>\n<h1>{child}'s views: statement</h1>\n"
    );
    if let Some(m) = meeting {
        let when = m
            .scheduled_at
            .as_ref()
            .map(|w| format!("on {}", staff_time(w)))
            .unwrap_or_else(|| "(no date set)".into());
        let place = m
            .place
            .as_deref()
            .map(|p| format!(", {}", escape(p)))
            .unwrap_or_default();
        let _ = writeln!(h, "<p>For the meeting {when}{place}.</p>");
    }
    let sent = version
        .submitted_at
        .as_ref()
        .map(|s| format!(", sent by {child} {}", staff_time(s)))
        .unwrap_or_default();
    let _ = writeln!(
        h,
        "<p class=\"hint\">Version {}{sent}. These are {child}'s own words, exactly as sent; \
         nothing has been changed.</p>",
        version.version
    );
    let parts = [
        ("Worries", &held.child.worries_name, &content.worries),
        (
            "What is going well",
            &held.child.going_well_name,
            &content.going_well,
        ),
        (
            "What I want to happen",
            &held.child.want_to_happen_name,
            &content.want_to_happen,
        ),
    ];
    for (heading, own_name, items) in parts {
        let named = own_name
            .as_deref()
            .map(|n| format!(" ({child} calls it \u{201c}{}\u{201d})", escape(n)))
            .unwrap_or_default();
        let _ = writeln!(h, "<h2>{heading}{named}</h2>");
        if items.is_empty() {
            let _ = writeln!(h, "<p>Nothing written here.</p>");
        } else {
            let _ = writeln!(h, "<ul>");
            for item in items {
                let _ = writeln!(h, "<li>{}</li>", escape(item));
            }
            let _ = writeln!(h, "</ul>");
        }
    }
    if let Some(words) = &content.free_words {
        let _ = writeln!(h, "<h2>Anything else</h2>\n<p>{}</p>", escape(words));
    }
    if let Some(f) = content.feeling {
        let _ = writeln!(h, "<p>{child} feels {}.</p>", feeling(f));
    }
    if let Some(a) = content.attendance {
        let _ = writeln!(h, "<p>{child} {}.</p>", attendance(a));
    }
    let agreed: Vec<&str> = [
        (content.share_with_social_worker, Audience::SocialWorker),
        (content.share_with_chair, Audience::Chair),
        (content.share_with_family, Audience::Family),
        (content.share_with_meeting, Audience::Meeting),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, a)| audience(a))
    .collect();
    let agreed = if agreed.is_empty() {
        "Nobody.".to_owned()
    } else {
        agreed.join(", ")
    };
    let _ = writeln!(
        h,
        "<h2>Who {child} agreed may see these views</h2>\n<p>{agreed}</p>\n\
         <h2>Where the views went</h2>\n<ul>"
    );
    for share in held.views_shares.iter().filter(|s| s.views_id == views.id) {
        let name = names.get(&share.recipient_id).map_or("", String::as_str);
        let read = share
            .read_at
            .as_ref()
            .map(|at| format!(", first read {}", staff_time(at)))
            .unwrap_or_else(|| ", not read".into());
        let _ = writeln!(
            h,
            "<li><strong>{}</strong>: {}: version {} shared {}{read}</li>",
            audience(share.audience),
            escape(name),
            share.version,
            staff_time(&share.shared_at)
        );
    }
    for handed in held.views_handed.iter().filter(|x| x.views_id == views.id) {
        let _ = writeln!(
            h,
            "<li><strong>{}</strong>: printed statement (version {}) handed over on {}</li>",
            audience(handed.audience),
            handed.version,
            handed.given_on.format("%-d %B %Y")
        );
    }
    let _ = writeln!(
        h,
        "</ul>\n<p class=\"hint\">Confidential: {child}'s own words.</p>\n</body></html>"
    );
    let day = meeting
        .and_then(|m| m.scheduled_at)
        .map(|at| at.format("%Y-%m-%d-").to_string())
        .unwrap_or_default();
    Ok(Some((
        format!("statements/{day}views-{}.html", views.id),
        h,
    )))
}

/// The statement of every views the child sent, oldest meeting first. `names`: staff by id.
pub fn all(held: &Held, names: &HashMap<i32, String>) -> ApiResult<Vec<(String, String)>> {
    let meetings: HashMap<i32, &meeting::Model> = held.meetings.iter().map(|m| (m.id, m)).collect();
    let mut out = Vec::new();
    for views in &held.views {
        if let Some(file) = one(held, views, meetings.get(&views.meeting_id).copied(), names)? {
            out.push(file);
        }
    }
    out.sort();
    Ok(out)
}
