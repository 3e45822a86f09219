//! The authorization matrix (issue 4): every kind of viewer against every query, mutation and
//! subscription of the live schema, checked against the one table below. The test fails listing
//! every unexpected cell, and when an operation of the schema has no row (or a row names an
//! operation the schema no longer has). Run with `--nocapture` to see the observed matrix, and with
//! `MATRIX_DETAILS=1` to see every answer that was not a refusal.
use std::collections::BTreeSet;
use std::time::{Duration as StdDuration, Instant};

use api::graphql::ids::NodeKind;
use chrono::{Duration, Utc};
use entity::enums::{
    MeetingKind, MeetingStatus, ParentalAgreement, ReferralSource, ReferralStatus, StaffRole,
};
use entity::{agency, child, meeting, meeting_child, referral, staff_user};
use futures_util::{SinkExt, StreamExt};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::{Value, json};
use tests::app::{
    TestApp, child_token, expired_staff_token, spawn_demo_app, staff_by_email, staff_token,
};
use tokio_tungstenite::tungstenite::{Message, client::IntoClientRequest};

// ---------------------------------------------------------------------------------------------
// The table.
//
// Columns (viewers):
//   N anonymous                     X a staff token that has expired
//   C child (Mia, her own token)    L another child (Leo: his own token, Mia's arguments)
//   a advocate of Mia's case        v another advocate of the authority, with no cases
//   s social worker of the children w another social worker, with no children
//   i ISRO chairing the meetings    j another ISRO, chairing nothing
//   k coordinator
//   g agency user (police: the outcome of Leo's meeting was sent to them)
//   h agency user of another agency (health: nothing sent to them)
//   m admin
//   F integrator key with every scope    O integrator key with READ_OVERSIGHT only
//   T admin of ANOTHER authority         U advocate of ANOTHER authority
//
// Cells:
//   A  let through: an answer with data, or an error other than UNAUTHENTICATED / FORBIDDEN /
//      NOT_FOUND (e.g. CONFLICT or BAD_USER_INPUT: the policy let the viewer in).
//   E  let through but sees nothing: an answer with no data (null, empty list, zero counts). For a
//      viewer whose own list is empty (another authority's staff, staff with nothing allocated):
//      nothing that is not theirs shows.
//   D  refused: UNAUTHENTICATED, FORBIDDEN or NOT_FOUND.
//   Subscriptions: A = subscribed (no error), D = refused.
//   Never expected, so always reported: `!` a server error or an error without a code, `?` no
//   document for the operation in this file.
//
// The demo authority's arguments are used for every viewer (its meetings, cases, referrals...).
// Rows run top to bottom, so mutations are ordered to leave the next one valid.
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    Q,
    M,
    S,
}
use Kind::{M, Q, S};

#[rustfmt::skip]
pub(crate) const MATRIX: &[(Kind, &str, &str)] = &[
    //                                   N X C L a v s w i j k g h m F O T U
    (Q, "apiVersion",                   "A D A A A A A A A A A A A A A A A A"),
    (Q, "health",                       "A D A A A A A A A A A A A A A A A A"),
    (Q, "me",                           "A D A A A A A A A A A A A A A A A A"),
    (Q, "limits",                       "A D A A A A A A A A A A A A A A A A"),
    // the child's own
    (Q, "myViews",                      "D D A D D D D D D D D D D D D D D D"),
    (Q, "myViewsHistory",               "D D A D D D D D D D D D D D D D D D"),
    (Q, "whoHasReadMyViews",            "D D A D D D D D D D D D D D D D D D"),
    (Q, "myMeetings",                   "D D A A D D D D D D D D D D D D D D"),
    (Q, "myCurrentMeeting",             "D D A A D D D D D D D D D D D D D D"),
    (Q, "myAdvocate",                   "D D A E D D D D D D D D D D D D D D"),
    // the child's own names for their meeting and views (none set yet): each child their own only
    (Q, "myNames",                      "D D E E D D D D D D D D D D D D D D"),
    // messages to the child (issue 20): the child reads their own (Leo has none)
    (Q, "myMessages",                   "D D A E D D D D D D D D D D D D D D"),
    // the advocate's cases
    (Q, "myCaseload",                   "D D D D A E D D D D D D D D D D D E"),
    (Q, "case",                         "D D D D A D D D D D D D D D D D D D"),
    (Q, "node",                         "D D D D A D D D D D D D D D D D D D"),
    (Q, "caseViews",                    "D D D D A D D D D D D D D D D D D D"),
    (Q, "caseViewsHistory",             "D D D D A D D D D D D D D D D D D D"),
    (Q, "advocateNotes",                "D D D D A D D D D D D D D D D D D D"),
    (Q, "openUrgentHelp",               "D D D D A E D D D D D D D D D D D E"),
    // messages to the case's child, with the answers: its advocate only
    (Q, "caseMessages",                 "D D D D A D D D D D D D D D D D D D"),
    // the messages the chair sent about a meeting they chair
    (Q, "meetingMessages",              "D D D D D D D D A D D D D D D D D D"),
    // views shared with the social worker and the ISRO (with the child's consent)
    (Q, "viewsSharedWithMe",            "D D D D D D A E A E D D D D D D D D"),
    (Q, "sharedViews",                  "D D D D D D A D A D D D D D D D D D"),
    (Q, "sharedViewsForMeeting",        "D D D D D D A E A E D D D D D D D D"),
    // the statement of the views: the advocate of the case, and those it was shared with
    (Q, "viewsStatement",               "D D D D A D A D A D D D D D D D D D"),
    // meetings
    (Q, "meeting",                      "D D D D D D A D A D D D D D A D D D"),
    (Q, "myChairedMeetings",            "D D D D D D D D A E D D D D D D D D"),
    (Q, "meetings",                     "D D D D D D D D D D D D D D A D D D"),
    (Q, "myChildren",                   "D D D D D D A E D D D D D D D D D D"),
    // a child's record: their social worker or the coordinator
    (Q, "childDetails",                 "D D D D D D A D D D A D D D D D D D"),
    // who may chair a meeting: staff who set meetings up
    (Q, "chairs",                       "D D D D D D A A A A A D D D D D D D"),
    // outcomes
    (Q, "agencies",                     "D D D D D D A A A A A D D A D D E D"),
    (Q, "outcomeDistribution",          "D D D D D D D D A D A D D D A D D D"),
    (Q, "outcomesForMe",                "D D D D D D D D D D D A E D D D D D"),
    // referrals
    (Q, "referralInbox",                "D D D D D D D D D D A D D D A D D D"),
    (Q, "myReferrals",                  "D D D D D D A E D D D D D D D D D D"),
    (Q, "referral",                     "D D D D D D A D D D A D D D A D D D"),
    (Q, "suggestedAdvocates",           "D D D D D D D D D D A D D D D D D D"),
    // children with a meeting to come, to link a self-referral to: the coordinator only
    (Q, "selfReferralLinkChoices",      "D D D D D D D D D D A D D D D D D D"),
    // a draft referral checked, nothing written: Mia's social worker or the coordinator
    (Q, "assessReferral",               "D D D D D D A D D D A D D D D D D D"),
    // oversight and administration
    (Q, "oversightMetrics",             "D D D D D D D D D D A D D A A A E D"),
    (Q, "apiKeys",                      "D D D D D D D D D D D D D A D D E D"),
    // T sees its own authority's one account, and an audit log with nothing in it yet
    (Q, "staffUsers",                   "D D D D D D D D D D D D D A D D A D"),
    (Q, "auditLog",                     "D D D D D D D D D D D D D A D D E D"),
    // notices: the admin's own authority only (T's has none yet)
    (Q, "notices",                      "D D D D D D D D D D D D D A D D E D"),
    (Q, "webhookEndpoints",             "D D D D D D D D D D D D D A D D E D"),
    (Q, "dutyContacts",                 "D D D D D D D D D D D D D A D D E D"),
    // a dry run of an import, kept for the admin who made it (another admin: NOT_FOUND)
    (Q, "importCheck",                  "D D D D D D D D D D D D D A D D D D"),
    // data protection (issue 22): admins only, each for their own authority (T has no children)
    (Q, "retentionPeriods",             "D D D D D D D D D D D D D A D D A D"),
    (Q, "dataProtectionChildren",       "D D D D D D D D D D D D D A D D E D"),
    (Q, "childDataProtection",          "D D D D D D D D D D D D D A D D D D"),
    //                                   N X C L a v s w i j k g h m F O T U
    // sign-in: anyone may try (bad credentials are refused before any operation)
    (M, "signIn",                       "A D A A A A A A A A A A A A A A A A"),
    (M, "refreshSession",               "A D A A A A A A A A A A A A A A A A"),
    (M, "signOut",                      "A D A A A A A A A A A A A A A A A A"),
    (M, "childSignIn",                  "A D A A A A A A A A A A A A A A A A"),
    (M, "selfReferral",                 "A D A A A A A A A A A A A A A A A A"),
    // ways in handed out by staff (T creates a key for its own authority only)
    (M, "createApiKey",                 "D D D D D D D D D D D D D A D D A D"),
    (M, "revokeApiKey",                 "D D D D D D D D D D D D D A D D D D"),
    // staff accounts: each admin invites into their own authority; deactivating the demo admin is
    // BAD_USER_INPUT for themselves (let in) and NOT_FOUND for the other authority's admin
    (M, "inviteStaff",                  "D D D D D D D D D D D D D A D D A D"),
    (M, "deactivateStaff",              "D D D D D D D D D D D D D A D D D D"),
    // lifting a sign-in lock: each admin for their own authority's staff only
    (M, "unlockStaffSignIn",            "D D D D D D D D D D D D D A D D D D"),
    // a new set-password link: each admin for their own authority's staff only
    (M, "issuePasswordLink",            "D D D D D D D D D D D D D A D D D D"),
    // notice set-up: each admin adds to their own authority; removing the demo's is NOT_FOUND for T
    (M, "addWebhookEndpoint",           "D D D D D D D D D D D D D A D D A D"),
    (M, "removeWebhookEndpoint",        "D D D D D D D D D D D D D A D D D D"),
    (M, "addDutyContact",               "D D D D D D D D D D D D D A D D A D"),
    (M, "removeDutyContact",            "D D D D D D D D D D D D D A D D D D"),
    // data protection: each admin sets their own authority's periods; Mia's record is held and
    // released by the demo admin; erasing her is CONFLICT (her advocacy is open: let in); the
    // waiting request (asked by someone else) is confirmed (CONFLICT, let in), then cancelled
    (M, "setRetentionPeriod",           "D D D D D D D D D D D D D A D D A D"),
    (M, "placeLegalHold",               "D D D D D D D D D D D D D A D D D D"),
    (M, "liftLegalHold",                "D D D D D D D D D D D D D A D D D D"),
    (M, "requestErasure",               "D D D D D D D D D D D D D A D D D D"),
    (M, "confirmErasure",               "D D D D D D D D D D D D D A D D D D"),
    (M, "cancelErasure",                "D D D D D D D D D D D D D A D D D D"),
    // setting a password with a link needs only the link: anyone may try (a wrong one is
    // BAD_USER_INPUT, let in); an expired staff token is refused before, as everywhere
    (M, "setPasswordWithLink",          "A D A A A A A A A A A A A A A A A A"),
    // the child's views: only the child writes them
    (M, "saveViewsDraft",               "D D A D D D D D D D D D D D D D D D"),
    (M, "saveViewsPart",                "D D A D D D D D D D D D D D D D D D"),
    (M, "submitViews",                  "D D A D D D D D D D D D D D D D D D"),
    (M, "requestUrgentHelp",            "D D A A D D D D D D D D D D D D D D"),
    // the child's page settings: the child, or the advocate of their case (everyone names Mia)
    (M, "setYoungerMode",               "D D A D A D D D D D D D D D D D D D"),
    // the child's own names: each child sets their own; no member of staff names things for them
    (M, "setMyNames",                   "D D A A D D D D D D D D D D D D D D"),
    // the language of the child's pages: each child chooses their own
    (M, "setMyLanguage",                "D D A A D D D D D D D D D D D D D D"),
    // the advocate acts on their case
    (M, "shareViews",                   "D D D D A D D D D D D D D D D D D D"),
    (M, "recordStatementHanded",        "D D D D A D D D D D D D D D D D D D"),
    (M, "addAdvocateNote",              "D D D D A D D D D D D D D D D D D D"),
    (M, "acknowledgeUrgentHelp",        "D D D D A D D D D D D D D D D D D D"),
    // messages to the child (issue 20): Mia's advocate or her meeting's chair sends; only Mia
    // answers hers
    (M, "sendMessageToChild",           "D D D D A D D D A D D D D D D D D D"),
    (M, "replyToMessage",               "D D A D D D D D D D D D D D D D D D"),
    // words recorded for the child by her advocate; the child confirms on her phone (BAD_USER_INPUT
    // once they are hers: let in) or the advocate records she confirmed in person
    (M, "recordViewsForChild",          "D D D D A D D D D D D D D D D D D D"),
    (M, "confirmMyViews",               "D D A D D D D D D D D D D D D D D D"),
    (M, "childConfirmedInPerson",       "D D D D A D D D D D D D D D D D D D"),
    // the chair records and distributes, the agency acknowledges
    (M, "recordMeeting",                "D D D D D D D D A D D D D D D D D D"),
    (M, "distributeOutcome",            "D D D D D D D D A D D D D D D D D D"),
    (M, "acknowledgeOutcome",           "D D D D D D D D D D D A D D D D D D"),
    // referrals
    (M, "createReferral",               "D D D D D D A D D D D D D D A D D D"),
    (M, "acceptReferral",               "D D D D D D D D D D A D D D D D D D"),
    (M, "allocateAdvocate",             "D D D D D D D D D D A D D D D D D D"),
    // no dead ends: agreement recorded later and a withdrawal (the referrer or the coordinator),
    // linking a self-referral and reopening (the coordinator); Jade's referral walks
    // PENDING_CONSENT → RECEIVED → DECLINED → RECEIVED → WITHDRAWN
    (M, "recordParentalAgreement",      "D D D D D D A D D D A D D D D D D D"),
    (M, "declineReferral",              "D D D D D D D D D D A D D D D D D D"),
    (M, "reopenReferral",               "D D D D D D D D D D A D D D D D D D"),
    (M, "withdrawReferral",             "D D D D D D A D D D A D D D D D D D"),
    (M, "linkSelfReferral",             "D D D D D D D D D D A D D D D D D D"),
    // closing Mia's case (its advocate or the coordinator), reopening it (the coordinator)
    (M, "closeCase",                    "D D D D A D D D D D A D D D D D D D"),
    (M, "reopenCase",                   "D D D D D D D D D D A D D D D D D D"),
    // children and meetings from a case-management system: a key with WRITE_RECORDS only
    (M, "upsertChild",                  "D D D D D D D D D D D D D D A D D D"),
    (M, "upsertMeeting",                "D D D D D D D D D D D D D D A D D D"),
    // a first load from CSV files: an admin, into their own authority (a dry run here)
    (M, "importRecords",                "D D D D D D D D D D D D D A D D A D"),
    // subject access (issue 22): an admin, for a child of their own authority (T: NOT_FOUND)
    (M, "exportChildRecord",            "D D D D D D D D D D D D D A D D D D"),
    // ... and cancelled by its reference (the meeting upsertMeeting just made)
    (M, "cancelMeetingByReference",     "D D D D D D D D D D D D D D A D D D"),
    // by hand (issue 19): agencies by each admin for their own authority; children by social
    // workers (then theirs) and the coordinator; changed by the child's social worker or the
    // coordinator; the follow-up of Leo's meeting by his social worker or its chair; Mia's new
    // meeting moved, then cancelled, by her social worker or its chair
    (M, "createAgency",                 "D D D D D D D D D D D D D A D D A D"),
    (M, "updateAgency",                 "D D D D D D D D D D D D D A D D D D"),
    (M, "createChild",                  "D D D D D D A A D D A D D D D D D D"),
    (M, "updateChild",                  "D D D D D D A D D D A D D D D D D D"),
    (M, "createMeeting",                "D D D D D D A D A D D D D D D D D D"),
    (M, "moveMeeting",                  "D D D D D D A D A D D D D D D D D D"),
    (M, "cancelMeeting",                "D D D D D D A D A D D D D D D D D D"),
    // last of the mutations: Mia's new code ends her sessions, and with them C's token
    (M, "issueChildAccess",             "D D D D A D D D D D D D D D D D D D"),
    //                                   N X C L a v s w i j k g h m F O T U
    (S, "caseloadChanged",              "D D D D A A D D D D D D D D D D D A"),
    (S, "urgentHelpRaised",             "D D D D A A D D D D D D D D D D D A"),
    (S, "viewsShared",                  "D D D D D D A A A A D D D D D D D D"),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Viewer {
    Anonymous,
    Expired,
    Child,
    OtherChild,
    Advocate,
    OtherCaseAdvocate,
    SocialWorker,
    UninvolvedSocialWorker,
    Isro,
    NonChairIsro,
    Coordinator,
    Agency,
    OtherAgency,
    Admin,
    KeyAll,
    KeyOversight,
    OtherAdmin,
    OtherAdvocate,
}

const VIEWERS: [(char, Viewer); 18] = [
    ('N', Viewer::Anonymous),
    ('X', Viewer::Expired),
    ('C', Viewer::Child),
    ('L', Viewer::OtherChild),
    ('a', Viewer::Advocate),
    ('v', Viewer::OtherCaseAdvocate),
    ('s', Viewer::SocialWorker),
    ('w', Viewer::UninvolvedSocialWorker),
    ('i', Viewer::Isro),
    ('j', Viewer::NonChairIsro),
    ('k', Viewer::Coordinator),
    ('g', Viewer::Agency),
    ('h', Viewer::OtherAgency),
    ('m', Viewer::Admin),
    ('F', Viewer::KeyAll),
    ('O', Viewer::KeyOversight),
    ('T', Viewer::OtherAdmin),
    ('U', Viewer::OtherAdvocate),
];

fn expected(row: &str) -> Vec<char> {
    row.chars().filter(|c| !c.is_whitespace()).collect()
}

// ---------------------------------------------------------------------------------------------
// The test.
// ---------------------------------------------------------------------------------------------

/// Viewers sharing one app. Inside a group every row runs for each viewer before the next row, so
/// a viewer's mutation cannot break a later row of another (e.g. `issueChildAccess` comes after every
/// `childSignIn`). Groups keep apart viewers allowed the same mutation (`createReferral`: s and F),
/// and hold at most five viewers that reach the per-address limits (5 self-referrals a minute).
const GROUPS: [&str; 4] = ["NXCLas", "vwijk", "ghmFO", "TU"];

#[tokio::test]
async fn every_viewer_against_every_operation_matches_the_table() {
    let started = Instant::now();
    let mut problems = table_problems();

    let groups = futures_util::future::join_all(GROUPS.iter().map(|group| run_group(group))).await;
    let mut runs: Vec<(usize, Vec<Observed>)> = Vec::new();
    for (index, (coverage, observed)) in groups.into_iter().enumerate() {
        if index == 0 {
            problems.extend(coverage);
        }
        runs.extend(observed);
    }
    runs.sort_by_key(|(column, _)| *column);

    // What happened, in the table's layout (printed with --nocapture), and every cell that differs.
    let letters: String = VIEWERS.iter().map(|(l, _)| format!("{l} ")).collect();
    println!("{:<28}{letters}", "observed");
    let mut unexpected = 0;
    for (row, (kind, name, cells)) in MATRIX.iter().enumerate() {
        let want = expected(cells);
        let mut line = String::new();
        for (column, observed) in &runs {
            let got = &observed[row];
            let (letter, viewer) = VIEWERS[*column];
            let expected = want.get(*column).copied().unwrap_or('?');
            if std::env::var_os("MATRIX_DETAILS").is_some() && got.outcome != 'D' {
                println!("  {name} × {letter}: {}", got.detail);
            }
            line.push(got.outcome);
            line.push(if got.outcome == expected { ' ' } else { '*' });
            if got.outcome == expected && got.wrong_refusal(viewer) {
                problems.push(format!(
                    "{kind:?} {name} × {letter} ({viewer:?}): refused with the wrong code — {}",
                    got.detail
                ));
            }
            if got.outcome != expected {
                unexpected += 1;
                problems.push(format!(
                    "{kind:?} {name} × {letter} ({viewer:?}): expected {expected}, got {} — {}",
                    got.outcome, got.detail
                ));
            }
        }
        println!("{:<28}{line}", format!("{kind:?} {name}"));
    }
    println!(
        "authorization matrix: {} operations × {} viewers = {} cells, {unexpected} unexpected, {:.1} s",
        MATRIX.len(),
        VIEWERS.len(),
        MATRIX.len() * VIEWERS.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        problems.is_empty(),
        "{} problem(s):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

/// Every row has one valid cell per viewer and names an operation only once.
fn table_problems() -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for (kind, name, row) in MATRIX {
        let cells = expected(row);
        if cells.len() != VIEWERS.len() || cells.iter().any(|c| !"AED".contains(*c)) {
            problems.push(format!(
                "table row {name}: {row:?} needs one of A/E/D per viewer"
            ));
        }
        if !seen.insert((*kind, *name)) {
            problems.push(format!("table row {name} appears twice"));
        }
    }
    let mut grouped: Vec<char> = GROUPS.iter().flat_map(|g| g.chars()).collect();
    grouped.sort_unstable();
    let mut letters: Vec<char> = VIEWERS.iter().map(|(l, _)| *l).collect();
    letters.sort_unstable();
    if grouped != letters {
        problems.push(format!("GROUPS must name every viewer once: {GROUPS:?}"));
    }
    problems
}

/// The table covers exactly the live schema's queries, mutations and subscriptions.
async fn coverage_problems(app: &TestApp) -> Vec<String> {
    let body = app
        .graphql(
            "{ __schema { queryType { fields { name } } mutationType { fields { name } }
               subscriptionType { fields { name } } } }",
            json!({}),
        )
        .await;
    let schema = &body["data"]["__schema"];
    let mut live = BTreeSet::new();
    for (kind, key) in [
        (Q, "queryType"),
        (M, "mutationType"),
        (S, "subscriptionType"),
    ] {
        for field in schema[key]["fields"].as_array().into_iter().flatten() {
            if let Some(name) = field["name"].as_str() {
                live.insert((kind, name.to_owned()));
            }
        }
    }
    assert!(!live.is_empty(), "introspection failed: {body}");
    let table: BTreeSet<(Kind, String)> = MATRIX
        .iter()
        .map(|(kind, name, _)| (*kind, (*name).to_owned()))
        .collect();
    let mut problems: Vec<String> = live
        .difference(&table)
        .map(|(kind, name)| format!("{kind:?} {name} is in the schema but has no row in MATRIX"))
        .collect();
    problems.extend(table.difference(&live).map(|(kind, name)| {
        format!("{kind:?} {name} has a row in MATRIX but is not in the schema")
    }));
    problems
}

// ---------------------------------------------------------------------------------------------
// One group of viewers: a fresh demo app, the common setup, then every row in order.
// ---------------------------------------------------------------------------------------------

struct Observed {
    outcome: char,
    /// The error code, when there was one.
    code: Option<String>,
    detail: String,
}

impl Observed {
    fn new(outcome: char, detail: impl Into<String>) -> Self {
        Self {
            outcome,
            code: None,
            detail: detail.into(),
        }
    }

    fn refused_with(code: &str, message: &str) -> Self {
        Self {
            outcome: outcome_of(code),
            code: Some(code.to_owned()),
            detail: format!("{code}: {message}"),
        }
    }

    /// A refusal must say why in the right words: no credentials (or bad ones) is UNAUTHENTICATED,
    /// a signed-in viewer is FORBIDDEN or NOT_FOUND, never asked to sign in again.
    fn wrong_refusal(&self, viewer: Viewer) -> bool {
        let Some(code) = self.code.as_deref() else {
            return false;
        };
        let signed_out = matches!(viewer, Viewer::Anonymous | Viewer::Expired);
        self.outcome == 'D' && signed_out != (code == "UNAUTHENTICATED")
    }
}

/// One viewer of a group, and what it has seen so far.
struct Seat {
    column: usize,
    /// Its place in the group (which of the fixture's staff sessions it refreshes).
    slot: usize,
    viewer: Viewer,
    credentials: Credentials,
    observed: Vec<Observed>,
    /// (row, document) of the subscriptions, tried together at the end.
    subscriptions: Vec<(usize, String)>,
}

/// One app for a group of viewers: the common setup, then every row for each viewer in turn. Also
/// answers the schema's coverage of the table.
async fn run_group(letters: &str) -> (Vec<String>, Vec<(usize, Vec<Observed>)>) {
    let app = spawn_demo_app().await;
    let coverage = coverage_problems(&app).await;
    let fx = setup(&app, letters.len()).await;
    let mut seats = Vec::new();
    for (slot, letter) in letters.chars().enumerate() {
        let column = VIEWERS
            .iter()
            .position(|(l, _)| *l == letter)
            .unwrap_or_else(|| panic!("GROUPS names an unknown viewer {letter}"));
        let viewer = VIEWERS[column].1;
        seats.push(Seat {
            column,
            slot,
            viewer,
            credentials: credentials(&app, &fx, viewer).await,
            observed: Vec::new(),
            subscriptions: Vec::new(),
        });
    }
    for (row, (kind, name, _)) in MATRIX.iter().enumerate() {
        for seat in &mut seats {
            let Some((document, variables)) = operation(name, &fx, seat.viewer, seat.slot) else {
                let missing = "no document for this operation in matrix.rs";
                seat.observed.push(Observed::new('?', missing));
                continue;
            };
            if *kind == S {
                seat.observed.push(Observed::new('?', "not run"));
                seat.subscriptions.push((row, document));
                continue;
            }
            let response = post(&app, &seat.credentials, &document, variables).await;
            seat.observed.push(classify(name, &response));
        }
    }
    let answers = futures_util::future::join_all(
        seats
            .iter()
            .map(|seat| subscribe_all(&app, &seat.credentials, &seat.subscriptions)),
    )
    .await;
    let mut runs = Vec::new();
    for (mut seat, answers) in seats.into_iter().zip(answers) {
        for (row, answer) in answers {
            seat.observed[row] = answer;
        }
        runs.push((seat.column, seat.observed));
    }
    (coverage, runs)
}

const DENIED: [&str; 3] = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"];

fn classify(name: &str, response: &Value) -> Observed {
    if let Some(error) = response["errors"].get(0) {
        let code = error["extensions"]["code"].as_str().unwrap_or("(no code)");
        let message = error["message"].as_str().unwrap_or_default();
        return Observed::refused_with(code, message);
    }
    let data = &response["data"][name];
    if is_empty(data) {
        Observed::new('E', format!("no error, nothing to see: {data}"))
    } else {
        Observed::new('A', format!("answered: {}", shorten(data)))
    }
}

/// Refused, let through, or `!` for a failure that says nothing about the policy (a server error,
/// an error without a code): never expected, always reported.
fn outcome_of(code: &str) -> char {
    match code {
        _ if DENIED.contains(&code) => 'D',
        "BAD_USER_INPUT" | "CONFLICT" | "RATE_LIMITED" => 'A',
        _ => '!',
    }
}

/// No data: null, false, zero, and lists or objects holding nothing else.
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(_) => false,
        Value::Array(items) => items.iter().all(is_empty),
        Value::Object(fields) => fields.values().all(is_empty),
    }
}

fn shorten(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(120) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

// ---------------------------------------------------------------------------------------------
// Credentials.
// ---------------------------------------------------------------------------------------------

pub(crate) enum Credentials {
    None,
    Bearer(String),
    ApiKey(String),
}

async fn credentials(app: &TestApp, fx: &Fixture, viewer: Viewer) -> Credentials {
    let staff =
        |email: &'static str| async move { Credentials::Bearer(staff_token(&app.db, email).await) };
    match viewer {
        Viewer::Anonymous => Credentials::None,
        Viewer::Expired => {
            Credentials::Bearer(expired_staff_token(&app.db, "admin@demo.myvoice").await)
        }
        Viewer::Child => Credentials::Bearer(child_token(&app.db, "Mia").await),
        Viewer::OtherChild => Credentials::Bearer(child_token(&app.db, "Leo").await),
        Viewer::Advocate => staff("advocate@demo.myvoice").await,
        Viewer::OtherCaseAdvocate => staff(SECOND_ADVOCATE).await,
        Viewer::SocialWorker => staff("social.worker@demo.myvoice").await,
        Viewer::UninvolvedSocialWorker => staff(SECOND_SOCIAL_WORKER).await,
        Viewer::Isro => staff("isro@demo.myvoice").await,
        Viewer::NonChairIsro => staff(SECOND_ISRO).await,
        Viewer::Coordinator => staff("coordinator@demo.myvoice").await,
        Viewer::Agency => staff("agency@demo.myvoice").await,
        Viewer::OtherAgency => staff(SECOND_AGENCY_USER).await,
        Viewer::Admin => staff("admin@demo.myvoice").await,
        Viewer::KeyAll => Credentials::ApiKey(fx.key_all.clone()),
        Viewer::KeyOversight => Credentials::ApiKey(fx.key_oversight.clone()),
        Viewer::OtherAdmin => staff(OTHER_ADMIN).await,
        Viewer::OtherAdvocate => staff(OTHER_ADVOCATE).await,
    }
}

pub(crate) async fn post(
    app: &TestApp,
    credentials: &Credentials,
    query: &str,
    variables: Value,
) -> Value {
    let mut request = app.client.post(app.url("/graphql"));
    request = match credentials {
        Credentials::None => request,
        Credentials::Bearer(token) => request.bearer_auth(token),
        Credentials::ApiKey(key) => request.header("x-api-key", key),
    };
    let response = request
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await
        .expect("POST /graphql");
    let status = response.status();
    let body = response.text().await.expect("GraphQL body");
    serde_json::from_str(&body).unwrap_or_else(|_| {
        json!({ "errors": [{
        "message": format!("HTTP {status}: {body}"),
        "extensions": { "code": "HTTP" } }] })
    })
}

// ---------------------------------------------------------------------------------------------
// The same setup in every app: something to see for each allowed viewer, and valid arguments.
// ---------------------------------------------------------------------------------------------

pub(crate) const OTHER_ADMIN: &str = "admin@other.example";
pub(crate) const OTHER_ADVOCATE: &str = "advocate@other.example";
const SECOND_ADVOCATE: &str = "advocate.two@demo.myvoice";
const SECOND_SOCIAL_WORKER: &str = "social.worker.two@demo.myvoice";
const SECOND_ISRO: &str = "isro.two@demo.myvoice";
const SECOND_AGENCY_USER: &str = "health@demo.myvoice";

/// Opaque IDs and secrets of the demo authority, as the operations take them.
pub(crate) struct Fixture {
    pub(crate) mia: String,
    pub(crate) mia_meeting: String,
    pub(crate) mia_case: String,
    /// Leo's meeting held yesterday: recorded and distributed to the police (the agency user's agency).
    pub(crate) past_meeting: String,
    /// A meeting for Mia in three weeks that has no referral yet.
    pub(crate) new_meeting: String,
    pub(crate) leo_referral: String,
    /// Jade's referral waiting for parental agreement.
    pub(crate) jade_referral: String,
    /// A self-referral not linked yet, and the child and meeting it is about (Mia's core group).
    pub(crate) self_referral: String,
    pub(crate) link_meeting: String,
    pub(crate) advocate: String,
    pub(crate) social_worker: String,
    /// An agency the outcome has not been sent to yet.
    pub(crate) health_agency: String,
    pub(crate) views: String,
    /// The version of Mia's views after setup (submitted, not shared).
    pub(crate) views_version: i64,
    pub(crate) urgent_help: String,
    pub(crate) distribution: String,
    pub(crate) spare_key: String,
    /// A webhook endpoint and a duty contact of the demo authority, there to be removed.
    pub(crate) spare_endpoint: String,
    pub(crate) duty_contact: String,
    /// The demo admin (deactivating themselves is refused).
    pub(crate) admin: String,
    /// A message from Mia's advocate to Mia.
    pub(crate) message: String,
    /// A dry run of an import by the demo admin.
    pub(crate) import_check: String,
    /// A request to erase Mia's record, asked by someone other than the demo admin.
    pub(crate) erasure_request: String,
    /// One staff session per viewer of the group: each refreshes its own.
    pub(crate) refresh_tokens: Vec<String>,
    pub(crate) key_all: String,
    pub(crate) key_oversight: String,
}

/// A waiting request to erase the child's record, asked by the demo coordinator (so the demo admin
/// may confirm it).
async fn erasure_request(db: &DatabaseConnection, child: i32) -> i32 {
    let asker = staff_by_email(db, "coordinator@demo.myvoice").await;
    let now = Utc::now();
    entity::erasure_request::ActiveModel {
        local_authority_id: Set(asker.local_authority_id),
        child_id: Set(child),
        reason: Set("Asked by the young person".into()),
        requested_by: Set(asker.id),
        requested_at: Set(now),
        expires_at: Set(now + Duration::days(7)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("erasure request")
    .id
}

fn gid(kind: NodeKind, id: i32) -> String {
    kind.id(id).0
}

async fn child_id(db: &DatabaseConnection, name: &str) -> i32 {
    child::Entity::find()
        .filter(child::Column::PreferredName.eq(name))
        .one(db)
        .await
        .expect("query child")
        .unwrap_or_else(|| panic!("no child {name}"))
        .id
}

async fn add_meeting(
    db: &DatabaseConnection,
    la: i32,
    kind: MeetingKind,
    days_from_now: i64,
    staff: (i32, i32),
    child_id: i32,
) -> i32 {
    let now = Utc::now();
    let id = meeting::ActiveModel {
        local_authority_id: Set(la),
        kind: Set(kind),
        scheduled_at: Set(Some(now + Duration::days(days_from_now))),
        place: Set(Some("County Hall, room 3".into())),
        chair_id: Set(Some(staff.0)),
        social_worker_id: Set(Some(staff.1)),
        status: Set(MeetingStatus::Scheduled),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("add meeting")
    .id;
    meeting_child::ActiveModel {
        local_authority_id: Set(la),
        meeting_id: Set(id),
        child_id: Set(child_id),
        created_at: Set(now),
    }
    .insert(db)
    .await
    .expect("link meeting to child");
    id
}

/// Another local authority with an admin and an advocate, and nothing else.
async fn add_other_authority(db: &DatabaseConnection) {
    let la = tests::app::add_local_authority(db, "Other Borough Council", "other-borough").await;
    add_staff(db, la, OTHER_ADMIN, StaffRole::Admin, None).await;
    add_staff(db, la, OTHER_ADVOCATE, StaffRole::Advocate, None).await;
}

/// A self-referral as the public form leaves it (written here: the form is rate limited).
async fn add_self_referral(db: &DatabaseConnection, la: i32) -> i32 {
    let now = Utc::now();
    referral::ActiveModel {
        local_authority_id: Set(la),
        source: Set(ReferralSource::SelfReferral),
        self_referral_contact: Set(Some("Mia — 07700 900456".into())),
        reason: Set(Some("I want help at my core group.".into())),
        parental_agreement: Set(ParentalAgreement::Pending),
        status: Set(ReferralStatus::Received),
        received_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("add self-referral")
    .id
}

/// A member of staff who signs in with a minted token only.
pub(crate) async fn add_staff(
    db: &DatabaseConnection,
    la: i32,
    email: &str,
    role: StaffRole,
    agency: Option<i32>,
) {
    staff_user::ActiveModel {
        local_authority_id: Set(la),
        name: Set(format!("Test {email}")),
        email: Set(email.into()),
        role: Set(role),
        password_hash: Set("not-a-hash".into()),
        active: Set(true),
        agency_id: Set(agency),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("add staff");
}

/// Run `query` as the member of staff or child behind `token`; it must succeed. The answer of its
/// one field.
async fn step(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    let body = app.graphql_as(Some(token), query, variables).await;
    let data = body["data"]
        .as_object()
        .filter(|_| body["errors"].is_null());
    let answer = data.and_then(|fields| fields.values().next());
    answer
        .cloned()
        .unwrap_or_else(|| panic!("setup step failed: {query}\n{body}"))
}

fn text(value: &Value) -> String {
    value
        .as_str()
        .unwrap_or_else(|| panic!("setup: not a string: {value}"))
        .to_owned()
}

fn views_input(words: &str) -> Value {
    json!({
        "worries": [words],
        "goingWell": ["I like my foster carers' dog, Biscuit."],
        "wantToHappen": ["I want to see my brother every week."],
        "attendance": "ATTEND_WITH_ADVOCATE",
        "shareWithSocialWorker": true,
        "shareWithChair": true,
    })
}

fn record_input() -> Value {
    json!({
        "worriedAboutNow": "Leo is often hungry at nursery.",
        "plan": "Weekly visits; nursery breakfast club.",
        "outcomeStaffWords": "A child protection plan under the category of neglect.",
        "outcomeChildWords": "The grown-ups will help make sure you always have food.",
        // No child shared views with the chair for this meeting: no point to answer (issue 20).
        "answers": [],
    })
}

/// The rows the operations need, found or added with sea-orm.
struct Rows {
    mia: i32,
    mia_meeting: i32,
    mia_case: i32,
    past_meeting: i32,
    new_meeting: i32,
    leo_referral: i32,
    jade_referral: i32,
    self_referral: i32,
    link_meeting: i32,
    advocate: i32,
    social_worker: i32,
    police: i32,
    health: i32,
}

async fn rows(db: &DatabaseConnection) -> Rows {
    let isro = staff_by_email(db, "isro@demo.myvoice").await;
    let la = isro.local_authority_id;
    let social_worker = staff_by_email(db, "social.worker@demo.myvoice").await.id;
    let (mia, leo) = (child_id(db, "Mia").await, child_id(db, "Leo").await);
    let mia_link = meeting_child::Entity::find()
        .filter(meeting_child::Column::ChildId.eq(mia))
        .one(db);
    let mia_case = entity::advocacy_case::Entity::find()
        .filter(entity::advocacy_case::Column::ChildId.eq(mia))
        .one(db);
    let referral_of = |child: i32, status: ReferralStatus| {
        referral::Entity::find()
            .filter(referral::Column::ChildId.eq(child))
            .filter(referral::Column::Status.eq(status))
            .one(db)
    };
    let jade = child_id(db, "Jade").await;
    let agencies = agency::Entity::find()
        .filter(agency::Column::LocalAuthorityId.eq(la))
        .order_by_asc(agency::Column::Id)
        .all(db)
        .await
        .expect("agencies");
    let (police, health) = (agencies[0].id, agencies[1].id);
    // Same roles as the demo staff, but nothing allocated, chaired or sent to them.
    add_staff(db, la, SECOND_ADVOCATE, StaffRole::Advocate, None).await;
    add_staff(db, la, SECOND_SOCIAL_WORKER, StaffRole::SocialWorker, None).await;
    add_staff(db, la, SECOND_ISRO, StaffRole::Isro, None).await;
    add_staff(db, la, SECOND_AGENCY_USER, StaffRole::Agency, Some(health)).await;
    add_other_authority(db).await;
    let staff = (isro.id, social_worker);
    let past_kind = MeetingKind::InitialChildProtectionConference;
    let link_meeting = add_meeting(db, la, MeetingKind::CoreGroupMeeting, 28, staff, mia).await;
    let found = "demo data";
    Rows {
        mia,
        mia_meeting: mia_link.await.expect(found).expect(found).meeting_id,
        mia_case: mia_case.await.expect(found).expect(found).id,
        past_meeting: add_meeting(db, la, past_kind, -1, staff, leo).await,
        new_meeting: add_meeting(db, la, MeetingKind::CoreGroupMeeting, 21, staff, mia).await,
        leo_referral: (referral_of(leo, ReferralStatus::Received).await)
            .expect(found)
            .expect(found)
            .id,
        jade_referral: (referral_of(jade, ReferralStatus::PendingConsent).await)
            .expect(found)
            .expect(found)
            .id,
        self_referral: add_self_referral(db, la).await,
        link_meeting,
        advocate: staff_by_email(db, "advocate@demo.myvoice").await.id,
        social_worker,
        police,
        health,
    }
}

/// The demo data, plus: three API keys; Mia's views submitted, shared, changed and submitted again
/// (not shared yet), read by her advocate, with an advocate's note; Mia's request for help; Leo's
/// meeting held yesterday, recorded and sent to the police; one staff session per viewer.
pub(crate) async fn setup(app: &TestApp, viewers: usize) -> Fixture {
    let db = &app.db;
    let rows = rows(db).await;
    let admin = staff_token(db, "admin@demo.myvoice").await;
    let child = child_token(db, "Mia").await;
    let advocate = staff_token(db, "advocate@demo.myvoice").await;
    let isro = staff_token(db, "isro@demo.myvoice").await;
    let meeting = gid(NodeKind::Meeting, rows.mia_meeting);
    let case = json!({ "c": gid(NodeKind::Case, rows.mia_case) });
    let past = gid(NodeKind::Meeting, rows.past_meeting);

    let mut keys = Vec::new();
    for scopes in [
        json!([
            "READ_MEETINGS",
            "READ_OUTCOMES",
            "WRITE_REFERRALS",
            "READ_REFERRALS",
            "READ_OVERSIGHT",
            "WRITE_RECORDS"
        ]),
        json!(["READ_OVERSIGHT"]),
        json!(["READ_MEETINGS"]),
    ] {
        let query = r#"mutation($s: [Scope!]!) { createApiKey(name: "Matrix", scopes: $s) { key { id } secret } }"#;
        keys.push(step(app, &admin, query, json!({ "s": scopes })).await);
    }
    let query =
        r#"mutation { addWebhookEndpoint(url: "http://127.0.0.1:9/matrix") { endpoint { id } } }"#;
    let endpoint = step(app, &admin, query, json!({})).await;
    let query =
        r#"mutation { addDutyContact(name: "Duty team", email: "duty@matrix.example") { id } }"#;
    let duty_contact = step(app, &admin, query, json!({})).await;
    let query = "mutation($i: ImportRecordsInput!) { importRecords(input: $i) { checkId } }";
    let csv = "reference,preferred_name,date_of_birth,looked_after\nCMS-C-8,Ola,2016-04-02,no\n";
    let check = json!({ "i": { "dryRun": true, "childrenCsv": csv } });
    let import_check = step(app, &admin, query, check).await["checkId"].clone();

    let query = "query($m: ID!) { myViews(meetingId: $m) { version } }";
    let mut version = step(app, &child, query, json!({ "m": meeting })).await["version"].clone();
    for round in 0..2 {
        let save = "mutation($m: ID!, $v: Int!, $c: ViewsInput!) {
            saveViewsDraft(meetingId: $m, expectedVersion: $v, content: $c) { version } }";
        let content = views_input(
            [
                "I don't know if I can still see my brother.",
                "I miss my brother.",
            ][round],
        );
        let vars = json!({ "m": meeting, "v": version, "c": content });
        version = step(app, &child, save, vars).await["version"].clone();
        let submit = "mutation($m: ID!, $v: Int!, $k: String!) {
            submitViews(meetingId: $m, expectedVersion: $v, idempotencyKey: $k) { version } }";
        let vars = json!({ "m": meeting, "v": version, "k": format!("matrix-setup-{round}") });
        step(app, &child, submit, vars).await;
        if round == 0 {
            let share = "mutation($c: ID!) { shareViews(caseId: $c) { version } }";
            step(app, &advocate, share, case.clone()).await;
        }
    }
    let query = "query($c: ID!) { caseViews(caseId: $c) { id version } }";
    let views = step(app, &advocate, query, case.clone()).await;
    let query =
        r#"mutation($c: ID!) { addAdvocateNote(caseId: $c, body: "Met Mia at school.") { id } }"#;
    step(app, &advocate, query, case.clone()).await;
    let query = r#"mutation { requestUrgentHelp(message: "I am scared") { id } }"#;
    let urgent_help = step(app, &child, query, json!({})).await["id"].clone();
    let query = r#"mutation($c: ID!) { sendMessageToChild(childId: $c, words: "Thank you, I'll share this on Tuesday.") { id } }"#;
    let mia_id = json!({ "c": gid(NodeKind::Child, rows.mia) });
    let message = step(app, &advocate, query, mia_id.clone()).await["id"].clone();
    step(app, &isro, query, mia_id).await;

    let query = "mutation($m: ID!, $i: RecordMeetingInput!) { recordMeeting(meetingId: $m, input: $i) { id } }";
    step(app, &isro, query, json!({ "m": past, "i": record_input() })).await;
    let query =
        "mutation($m: ID!, $a: [ID!]!) { distributeOutcome(meetingId: $m, agencyIds: $a) { id } }";
    let police = [gid(NodeKind::Agency, rows.police)];
    let distribution =
        step(app, &isro, query, json!({ "m": past, "a": police })).await[0]["id"].clone();

    let mut refresh_tokens = Vec::new();
    for _ in 0..viewers {
        let query = r#"mutation { signIn(email: "coordinator@demo.myvoice", password: "demo-password") {
            refreshToken } }"#;
        let session = app.graphql(query, json!({})).await;
        refresh_tokens.push(text(&session["data"]["signIn"]["refreshToken"]));
    }
    Fixture {
        mia: gid(NodeKind::Child, rows.mia),
        mia_meeting: meeting,
        mia_case: text(&case["c"]),
        past_meeting: past,
        new_meeting: gid(NodeKind::Meeting, rows.new_meeting),
        leo_referral: gid(NodeKind::Referral, rows.leo_referral),
        jade_referral: gid(NodeKind::Referral, rows.jade_referral),
        self_referral: gid(NodeKind::Referral, rows.self_referral),
        link_meeting: gid(NodeKind::Meeting, rows.link_meeting),
        advocate: gid(NodeKind::StaffUser, rows.advocate),
        social_worker: gid(NodeKind::StaffUser, rows.social_worker),
        health_agency: gid(NodeKind::Agency, rows.health),
        views: text(&views["id"]),
        views_version: views["version"].as_i64().expect("version"),
        urgent_help: text(&urgent_help),
        distribution: text(&distribution),
        spare_key: text(&keys[2]["key"]["id"]),
        spare_endpoint: text(&endpoint["endpoint"]["id"]),
        duty_contact: text(&duty_contact["id"]),
        admin: gid(
            NodeKind::StaffUser,
            staff_by_email(db, "admin@demo.myvoice").await.id,
        ),
        import_check: text(&import_check),
        erasure_request: gid(
            NodeKind::ErasureRequest,
            erasure_request(db, rows.mia).await,
        ),
        message: text(&message),
        refresh_tokens,
        key_all: text(&keys[0]["secret"]),
        key_oversight: text(&keys[1]["secret"]),
    }
}

// ---------------------------------------------------------------------------------------------
// One document per operation, with arguments that succeed for the viewer the table allows.
// ---------------------------------------------------------------------------------------------

#[rustfmt::skip]
pub(crate) fn operation(name: &str, fx: &Fixture, viewer: Viewer, slot: usize) -> Option<(String, Value)> {
    let today = Utc::now().date_naive();
    let none = json!({});
    let id = |id: &str| json!({ "id": id });
    let (document, variables) = match name {
        "apiVersion" => ("{ apiVersion }", none),
        "health" => ("{ health { up database } }", none),
        "me" => ("{ me { kind } }", none),
        "myViews" => ("query($id: ID!) { myViews(meetingId: $id) { id } }", id(&fx.mia_meeting)),
        "myViewsHistory" =>
            ("query($id: ID!) { myViewsHistory(meetingId: $id) { version } }", id(&fx.mia_meeting)),
        "whoHasReadMyViews" =>
            ("query($id: ID!) { whoHasReadMyViews(meetingId: $id) { who } }", id(&fx.mia_meeting)),
        "myMeetings" => ("{ myMeetings { totalCount } }", none),
        "myCurrentMeeting" => ("{ myCurrentMeeting { id answers { said kind } } }", none),
        "limits" => ("{ limits { viewsItems } }", none),
        "myAdvocate" => ("{ myAdvocate { firstName } }", none),
        "myNames" => ("{ myNames { meeting worries goingWell wantToHappen } }", none),
        "myCaseload" => ("{ myCaseload { totalCount } }", none),
        "case" => ("query($id: ID!) { case(id: $id) { id } }", id(&fx.mia_case)),
        "node" => ("query($id: ID!) { node(id: $id) { id } }", id(&fx.mia_case)),
        "caseViews" => ("query($id: ID!) { caseViews(caseId: $id) { id } }", id(&fx.mia_case)),
        "caseViewsHistory" =>
            ("query($id: ID!) { caseViewsHistory(caseId: $id) { version } }", id(&fx.mia_case)),
        "advocateNotes" =>
            ("query($id: ID!) { advocateNotes(caseId: $id) { totalCount } }", id(&fx.mia_case)),
        "openUrgentHelp" => ("{ openUrgentHelp { totalCount } }", none),
        "myMessages" => ("{ myMessages { id words } }", none),
        "caseMessages" => ("query($id: ID!) { caseMessages(caseId: $id) { id reply } }", id(&fx.mia_case)),
        "meetingMessages" =>
            ("query($id: ID!) { meetingMessages(meetingId: $id) { id } }", id(&fx.mia_meeting)),
        "sendMessageToChild" => (
            r#"mutation($id: ID!) { sendMessageToChild(childId: $id, words: "See you on Monday.") { id } }"#,
            id(&fx.mia),
        ),
        "replyToMessage" => (
            "mutation($id: ID!) { replyToMessage(messageId: $id, reply: HAVE_A_QUESTION) { id reply } }",
            id(&fx.message),
        ),
        "recordViewsForChild" => (
            "mutation($id: ID!, $c: ViewsInput!) {
               recordViewsForChild(caseId: $id, input: $c, how: VISIT) { version writtenBy } }",
            json!({ "id": fx.mia_case, "c": views_input("I want to stay at my school.") }),
        ),
        "confirmMyViews" =>
            ("mutation($id: ID!) { confirmMyViews(meetingId: $id) { confirmedAt } }", id(&fx.mia_meeting)),
        "childConfirmedInPerson" => (
            "mutation($id: ID!, $on: NaiveDate!) { childConfirmedInPerson(caseId: $id, on: $on) { confirmedHow confirmedOn } }",
            json!({ "id": fx.mia_case, "on": today }),
        ),
        "viewsSharedWithMe" => ("{ viewsSharedWithMe { totalCount } }", none),
        // By the views, not a share: the social worker and the ISRO each have their own share.
        "sharedViews" => ("query($id: ID!) { sharedViews(viewsId: $id) { shareId } }", id(&fx.views)),
        "viewsStatement" => ("query($id: ID!) { viewsStatement(viewsId: $id) { version } }", id(&fx.views)),
        "sharedViewsForMeeting" => (
            "query($id: ID!) { sharedViewsForMeeting(meetingId: $id) { shareId points { said answer { kind } } } }",
            id(&fx.mia_meeting),
        ),
        "meeting" => ("query($id: ID!) { meeting(id: $id) { id } }", id(&fx.mia_meeting)),
        "myChairedMeetings" => ("{ myChairedMeetings { totalCount } }", none),
        "meetings" => ("{ meetings { totalCount } }", none),
        "myChildren" => ("{ myChildren { totalCount } }", none),
        "agencies" => ("{ agencies { totalCount } }", none),
        "chairs" => ("{ chairs { id } }", none),
        "outcomeDistribution" =>
            ("query($id: ID!) { outcomeDistribution(meetingId: $id) { id } }", id(&fx.past_meeting)),
        "outcomesForMe" => ("{ outcomesForMe { totalCount } }", none),
        "referralInbox" => ("{ referralInbox { totalCount } }", none),
        "myReferrals" => ("{ myReferrals { totalCount } }", none),
        "selfReferralLinkChoices" => (
            "query($id: ID!) { selfReferralLinkChoices(referralId: $id) { childId meetingId } }",
            id(&fx.self_referral),
        ),
        "referral" => ("query($id: ID!) { referral(id: $id) { id } }", id(&fx.leo_referral)),
        "suggestedAdvocates" => (
            "query($id: ID!) { suggestedAdvocates(referralId: $id) { advocateId } }",
            id(&fx.leo_referral),
        ),
        "assessReferral" => (
            "query($i: CreateReferralInput!) { assessReferral(input: $i) { completeness { score } } }",
            json!({ "i": {
                "childId": fx.mia, "meetingId": fx.new_meeting, "reason": "Help to speak up.",
                "parentalAgreement": "NOT_REQUIRED_LOOKED_AFTER",
            } }),
        ),
        "oversightMetrics" => (
            "query($f: NaiveDate!, $t: NaiveDate!) { oversightMetrics(from: $f, to: $t) { referralsTotal childrenPointsAnsweredPercent } }",
            json!({ "f": today - Duration::days(90), "t": today + Duration::days(60) }),
        ),
        "apiKeys" => ("{ apiKeys { id } }", none),
        "staffUsers" => ("{ staffUsers { totalCount edges { node { id } } } }", none),
        "auditLog" => ("{ auditLog { totalCount edges { node { action } } } }", none),
        "notices" => ("{ notices { totalCount edges { node { event status } } } }", none),
        "webhookEndpoints" => ("{ webhookEndpoints { id url } }", none),
        "dutyContacts" => ("{ dutyContacts { id email } }", none),
        "importCheck" => (
            "query($id: String!) { importCheck(id: $id) { children { rows } problems { line } } }",
            json!({ "id": fx.import_check }),
        ),
        "retentionPeriods" => ("{ retentionPeriods { kind days } }", none),
        "dataProtectionChildren" =>
            ("{ dataProtectionChildren { totalCount edges { node { childId } } } }", none),
        "childDataProtection" =>
            ("query($c: ID!) { childDataProtection(childId: $c) { held preferredName } }", json!({ "c": fx.mia })),
        "setRetentionPeriod" =>
            ("mutation { setRetentionPeriod(kind: VIEWS, days: 2190) { days } }", none),
        "placeLegalHold" => (
            "mutation($c: ID!) { placeLegalHold(childId: $c, reason: \"Matrix\") { held preferredName } }",
            json!({ "c": fx.mia }),
        ),
        "liftLegalHold" => (
            "mutation($c: ID!) { liftLegalHold(childId: $c, reason: \"Matrix\") { held preferredName } }",
            json!({ "c": fx.mia }),
        ),
        "requestErasure" => (
            "mutation($c: ID!) { requestErasure(childId: $c, reason: \"Matrix\") { id } }",
            json!({ "c": fx.mia }),
        ),
        "confirmErasure" => (
            "mutation($id: ID!) { confirmErasure(requestId: $id) { request { status } } }",
            id(&fx.erasure_request),
        ),
        "cancelErasure" =>
            ("mutation($id: ID!) { cancelErasure(requestId: $id) { status } }", id(&fx.erasure_request)),
        "addWebhookEndpoint" => (
            "mutation($u: String!) { addWebhookEndpoint(url: $u) { endpoint { id } } }",
            json!({ "u": format!("http://127.0.0.1:9/hook{slot}") }),
        ),
        "removeWebhookEndpoint" =>
            ("mutation($id: ID!) { removeWebhookEndpoint(id: $id) { id } }", id(&fx.spare_endpoint)),
        "addDutyContact" => (
            "mutation($e: String!) { addDutyContact(name: \"Duty\", email: $e) { id } }",
            json!({ "e": format!("duty{slot}@matrix.example") }),
        ),
        "removeDutyContact" =>
            ("mutation($id: ID!) { removeDutyContact(id: $id) }", id(&fx.duty_contact)),

        "signIn" => (
            r#"mutation { signIn(email: "isro@demo.myvoice", password: "demo-password") { role } }"#,
            none,
        ),
        "refreshSession" => (
            "mutation($t: String!) { refreshSession(refreshToken: $t) { role } }",
            json!({ "t": fx.refresh_tokens[slot] }),
        ),
        // The token refreshSession has just used: signing out always succeeds.
        "signOut" => (
            "mutation($t: String!) { signOut(refreshToken: $t) }",
            json!({ "t": fx.refresh_tokens[slot] }),
        ),
        "childSignIn" => (
            r#"mutation { childSignIn(accessCode: "DEMO-0001", pin: "2468") { accessToken } }"#,
            none,
        ),
        "selfReferral" => (
            "mutation($i: SelfReferralInput!) { selfReferral(input: $i) { message } }",
            json!({ "i": { "localAuthority": "demo", "name": "Sam", "contact": "07700 900123",
                           "about": "I would like help to say what I think at my meeting." } }),
        ),
        "issueChildAccess" =>
            ("mutation($id: ID!) { issueChildAccess(caseId: $id) { childName } }", id(&fx.mia_case)),
        "createApiKey" => (
            r#"mutation { createApiKey(name: "Case system", scopes: [READ_MEETINGS]) { key { id } } }"#,
            none,
        ),
        "revokeApiKey" => ("mutation($id: ID!) { revokeApiKey(id: $id) { id } }", id(&fx.spare_key)),
        "inviteStaff" => (
            "mutation($i: InviteStaffInput!) { inviteStaff(input: $i) { staff { id } } }",
            json!({ "i": { "name": "Matrix Invitee", "email": format!("invitee{slot}@matrix.example"),
                           "role": "ADVOCATE" } }),
        ),
        "deactivateStaff" => ("mutation($id: ID!) { deactivateStaff(id: $id) { id } }", id(&fx.admin)),
        "unlockStaffSignIn" =>
            ("mutation($id: ID!) { unlockStaffSignIn(id: $id) { id } }", id(&fx.admin)),
        "issuePasswordLink" =>
            ("mutation($id: ID!) { issuePasswordLink(staffId: $id) { expiresAt } }", id(&fx.admin)),
        "setPasswordWithLink" => (
            r#"mutation { setPasswordWithLink(token: "not-a-link", password: "matrix password 1") }"#,
            none,
        ),
        "saveViewsDraft" => (
            "mutation($id: ID!, $v: Int!, $c: ViewsInput!) {
               saveViewsDraft(meetingId: $id, expectedVersion: $v, content: $c) { version } }",
            json!({ "id": fx.mia_meeting, "v": fx.views_version,
                    "c": views_input("I want to live with my foster carers.") }),
        ),
        // From the version saveViewsDraft left.
        "saveViewsPart" => (
            r#"mutation($id: ID!, $v: Int!) {
               saveViewsPart(meetingId: $id, expectedVersion: $v, part: FEELING, feeling: OKAY) { version } }"#,
            json!({ "id": fx.mia_meeting, "v": fx.views_version + 1 }),
        ),
        "submitViews" => (
            r#"mutation($id: ID!, $v: Int!) {
               submitViews(meetingId: $id, expectedVersion: $v, idempotencyKey: "matrix-submit") { version } }"#,
            json!({ "id": fx.mia_meeting, "v": fx.views_version + 2 }),
        ),
        "requestUrgentHelp" =>
            (r#"mutation { requestUrgentHelp(message: "Please call me") { id } }"#, none),
        "setMyNames" => (
            "mutation { setMyNames(input: { meeting: \"My big day\" }) { meeting } }",
            none,
        ),
        "setMyLanguage" => ("mutation { setMyLanguage(language: \"cy\") }", none),
        "setYoungerMode" =>
            ("mutation($id: ID!) { setYoungerMode(on: true, childId: $id) }", id(&fx.mia)),
        "shareViews" => ("mutation($id: ID!) { shareViews(caseId: $id) { version } }", id(&fx.mia_case)),
        "recordStatementHanded" => (
            "mutation($id: ID!, $d: NaiveDate!) { recordStatementHanded(caseId: $id, audience: FAMILY, givenOn: $d) { givenOn } }",
            json!({ "id": fx.mia_case, "d": today.to_string() }),
        ),
        "addAdvocateNote" => (
            r#"mutation($id: ID!) { addAdvocateNote(caseId: $id, body: "Phoned the carers.") { id } }"#,
            id(&fx.mia_case),
        ),
        "acknowledgeUrgentHelp" =>
            ("mutation($id: ID!) { acknowledgeUrgentHelp(id: $id) { id } }", id(&fx.urgent_help)),
        "recordMeeting" => (
            "mutation($id: ID!, $i: RecordMeetingInput!) { recordMeeting(meetingId: $id, input: $i) { id } }",
            json!({ "id": fx.past_meeting, "i": record_input() }),
        ),
        "distributeOutcome" => (
            "mutation($id: ID!, $a: [ID!]!) { distributeOutcome(meetingId: $id, agencyIds: $a) { id } }",
            json!({ "id": fx.past_meeting, "a": [fx.health_agency] }),
        ),
        "acknowledgeOutcome" => (
            "mutation($id: ID!) { acknowledgeOutcome(distributionId: $id) { id } }",
            id(&fx.distribution),
        ),
        "createReferral" => {
            let mut input = json!({
                "childId": fx.mia, "meetingId": fx.new_meeting,
                "reason": "Mia wants help to say what she thinks at her core group.",
                "howToContactChild": "Through her foster carers", "communicationNeeds": "none",
                "livesWith": "Foster carers", "visitRisks": "none known",
                "parentalAgreement": "NOT_REQUIRED_LOOKED_AFTER",
            });
            // Only a case-management system names the social worker it refers for.
            if matches!(viewer, Viewer::KeyAll | Viewer::KeyOversight) {
                input["referrerId"] = json!(fx.social_worker);
            }
            ("mutation($i: CreateReferralInput!) { createReferral(input: $i) { id } }", json!({ "i": input }))
        }
        "acceptReferral" =>
            ("mutation($id: ID!) { acceptReferral(id: $id) { status } }", id(&fx.leo_referral)),
        "allocateAdvocate" => (
            "mutation($id: ID!, $a: ID!) { allocateAdvocate(referralId: $id, advocateId: $a) { id } }",
            json!({ "id": fx.leo_referral, "a": fx.advocate }),
        ),
        "declineReferral" => (
            r#"mutation($id: ID!) { declineReferral(id: $id, reason: "No advocate is free that week.") { status } }"#,
            id(&fx.jade_referral),
        ),

        "recordParentalAgreement" => (
            "mutation($id: ID!) { recordParentalAgreement(id: $id, agreement: GIVEN) { status } }",
            id(&fx.jade_referral),
        ),
        "reopenReferral" =>
            ("mutation($id: ID!) { reopenReferral(id: $id) { status } }", id(&fx.jade_referral)),
        "withdrawReferral" => (
            r#"mutation($id: ID!) { withdrawReferral(id: $id, reason: "Jade's family moved away.") { status } }"#,
            id(&fx.jade_referral),
        ),
        "linkSelfReferral" => (
            "mutation($id: ID!, $c: ID!, $m: ID!) { linkSelfReferral(id: $id, childId: $c, meetingId: $m) { status } }",
            json!({ "id": fx.self_referral, "c": fx.mia, "m": fx.link_meeting }),
        ),
        "closeCase" => (
            r#"mutation($id: ID!) { closeCase(id: $id, reason: "The review has happened.") { status } }"#,
            id(&fx.mia_case),
        ),
        "reopenCase" => ("mutation($id: ID!) { reopenCase(id: $id) { status } }", id(&fx.mia_case)),

        "upsertChild" => (
            "mutation($i: UpsertChildInput!) { upsertChild(input: $i) { id outcome } }",
            json!({ "i": { "reference": "CMS-C-1", "preferredName": "Ola",
                           "dateOfBirth": today - Duration::days(9 * 365), "lookedAfter": false } }),
        ),
        "upsertMeeting" => (
            "mutation($i: UpsertMeetingInput!) { upsertMeeting(input: $i) { id outcome } }",
            json!({ "i": { "reference": "CMS-M-1", "kind": "CHILD_IN_NEED_MEETING",
                           "scheduledAt": Utc::now() + Duration::days(30), "childReferences": ["CMS-C-1"] } }),
        ),

        "importRecords" => (
            "mutation($i: ImportRecordsInput!) { importRecords(input: $i) { imported children { created } } }",
            json!({ "i": { "dryRun": true, "childrenCsv":
                "reference,preferred_name,date_of_birth,looked_after\nCMS-C-9,Ola,2016-04-02,no\n" } }),
        ),
        "exportChildRecord" => (
            "mutation($c: ID!) { exportChildRecord(childId: $c) { url expiresAt } }",
            json!({ "c": fx.mia }),
        ),
        "cancelMeetingByReference" => (
            "mutation { cancelMeetingByReference(reference: \"CMS-M-1\", reason: \"Not needed\") { outcome } }",
            none,
        ),
        "createAgency" => (
            "mutation($i: AgencyInput!) { createAgency(input: $i) { id } }",
            json!({ "i": { "name": "Matrix Youth Offending Team", "kind": "OTHER" } }),
        ),
        "updateAgency" => (
            "mutation($id: ID!, $i: AgencyInput!) { updateAgency(id: $id, input: $i) { id } }",
            json!({ "id": fx.health_agency,
                    "i": { "name": "Demo NHS Foundation Trust", "kind": "HEALTH" } }),
        ),
        "createChild" => (
            "mutation($i: ChildInput!) { createChild(input: $i) { id } }",
            json!({ "i": { "preferredName": "Kai", "dateOfBirth": "2015-02-03", "lookedAfter": false } }),
        ),
        "updateChild" => (
            "mutation($id: ID!, $i: ChildInput!) { updateChild(id: $id, input: $i) { id } }",
            json!({ "id": fx.mia, "i": { "preferredName": "Mia", "dateOfBirth": today - Duration::days(11 * 365),
                    "lookedAfter": true } }),
        ),
        "createMeeting" => (
            "mutation($i: NewMeetingInput!) { createMeeting(input: $i) { id } }",
            json!({ "i": { "kind": "CHILD_PROTECTION_REVIEW", "followUpOf": fx.past_meeting,
                           "scheduledAt": Utc::now() + Duration::days(90) } }),
        ),
        "moveMeeting" => (
            "mutation($id: ID!, $at: DateTime!) { moveMeeting(id: $id, scheduledAt: $at, reason: \"Chair on leave\") { id } }",
            json!({ "id": fx.new_meeting, "at": Utc::now() + Duration::days(28) }),
        ),
        "cancelMeeting" => (
            "mutation($id: ID!) { cancelMeeting(id: $id, reason: \"No longer needed\") { id } }",
            id(&fx.new_meeting),
        ),
        "childDetails" => ("query($id: ID!) { childDetails(id: $id) { id } }", id(&fx.mia)),

        "caseloadChanged" => ("subscription { caseloadChanged { caseId } }", none),
        "urgentHelpRaised" => ("subscription { urgentHelpRaised { urgentHelpId } }", none),
        "viewsShared" => ("subscription { viewsShared { viewsId } }", none),
        _ => return None,
    };
    Some((document.to_owned(), variables))
}

// ---------------------------------------------------------------------------------------------
// Subscriptions over graphql-ws: one connection per viewer, every subscription on it.
// ---------------------------------------------------------------------------------------------

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Subscribed cleanly when no answer came within this long; refusals come at once.
const QUIET: StdDuration = StdDuration::from_millis(700);

async fn next_message(socket: &mut Socket, wait: StdDuration) -> Option<Value> {
    loop {
        match tokio::time::timeout(wait, socket.next()).await {
            Ok(Some(Ok(Message::Text(text)))) => return serde_json::from_str(&text).ok(),
            Ok(Some(Ok(Message::Ping(_) | Message::Pong(_)))) => continue,
            _ => return None,
        }
    }
}

async fn subscribe_all(
    app: &TestApp,
    credentials: &Credentials,
    rows: &[(usize, String)],
) -> Vec<(usize, Observed)> {
    let payload = match credentials {
        Credentials::None => json!({}),
        Credentials::Bearer(token) => json!({ "Authorization": format!("Bearer {token}") }),
        Credentials::ApiKey(key) => json!({ "X-Api-Key": key }),
    };
    let mut request = format!("ws://{}/graphql/ws", app.address)
        .into_client_request()
        .expect("ws request");
    request.headers_mut().insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().expect("header"),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("websocket");
    let send = |message: Value| Message::Text(message.to_string().into());
    socket
        .send(send(
            json!({ "type": "connection_init", "payload": payload }),
        ))
        .await
        .expect("connection_init");
    let ack = next_message(&mut socket, StdDuration::from_secs(5)).await;
    if ack.as_ref().is_none_or(|m| m["type"] != "connection_ack") {
        let detail = format!("connection refused: {ack:?}");
        return rows
            .iter()
            .map(|(row, _)| (*row, Observed::new('D', detail.clone())))
            .collect();
    }
    for (row, query) in rows {
        socket
            .send(send(json!({ "id": row.to_string(), "type": "subscribe",
                                "payload": { "query": query } })))
            .await
            .expect("subscribe");
    }
    let mut answers: Vec<(usize, Observed)> = rows
        .iter()
        .map(|(row, _)| (*row, Observed::new('A', "subscribed, no error")))
        .collect();
    while let Some(message) = next_message(&mut socket, QUIET).await {
        let Some(row) = message["id"]
            .as_str()
            .and_then(|id| id.parse::<usize>().ok())
        else {
            continue;
        };
        // `next` carries `{data, errors}`, `error` a list of errors.
        let errors = match message["type"].as_str() {
            Some("next") => message["payload"]["errors"].clone(),
            Some("error") => message["payload"].clone(),
            _ => continue,
        };
        if let Some(error) = errors.get(0) {
            let code = error["extensions"]["code"].as_str().unwrap_or("(no code)");
            let message = error["message"].as_str().unwrap_or_default();
            if let Some(answer) = answers.iter_mut().find(|(r, _)| *r == row) {
                answer.1 = Observed::refused_with(code, message);
            }
        }
    }
    answers
}
