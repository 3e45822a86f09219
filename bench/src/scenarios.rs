//! The three things measured, as the pages and integrators send them: an advocate opening their
//! caseload, a child submitting their views, a social worker making a referral.
use std::sync::Arc;

use anyhow::{Context, bail};
use api::auth::{AccessCode, ChildViewer, Pin, StaffViewer, TenantId, TokenIssuer};
use api::graphql::ids::NodeKind;
use chrono::{Duration, Utc};
use entity::child_access;
use entity::enums::StaffRole;
use sea_orm::{DatabaseConnection, Set};
use serde_json::{Value, json};

use crate::bulk::insert_all;
use crate::dataset::{LA, Layout};
use crate::load::{ClientPlan, Plan, Req};
use crate::pools::Pool;

/// How many cases the caseload page asks for.
pub const CASELOAD_PAGE: i32 = 50;

/// The caseload page: each case with its child, meeting, views status and flags.
pub const CASELOAD: &str = "query Caseload($first: Int) { myCaseload(first: $first) { \
    totalCount edges { node { id status viewsStatus urgentHelpOpen meetingSoon \
    child { id preferredName age lookedAfter } \
    meeting { id kind scheduledAt place } } } } }";

const SUBMIT: &str = "mutation Submit($meetingId: ID!, $version: Int!, $key: String!) { \
    submitViews(meetingId: $meetingId, expectedVersion: $version, idempotencyKey: $key) { \
    id status version } }";

const REFER: &str = "mutation Refer($input: CreateReferralInput!) { \
    createReferral(input: $input) { id status } }";

const CHILD_SIGN_IN: &str = "mutation SignIn($code: String!, $pin: String!) { \
    childSignIn(accessCode: $code, pin: $pin) { accessToken } }";

fn body(query: &str, variables: Value) -> String {
    json!({ "query": query, "variables": variables }).to_string()
}

pub fn caseload_body() -> String {
    body(CASELOAD, json!({ "first": CASELOAD_PAGE }))
}

fn staff_token(tokens: &TokenIssuer, id: i32, role: StaffRole) -> anyhow::Result<String> {
    let viewer = StaffViewer {
        id,
        tenant: TenantId(LA),
        role,
    };
    // Generated staff start in session epoch 0 (the column's default).
    Ok(tokens
        .issue_staff(&viewer, 0)
        .context("minting a staff token")?
        .token)
}

pub fn advocate_token(tokens: &TokenIssuer, l: &Layout, client: usize) -> anyhow::Result<String> {
    staff_token(
        tokens,
        l.advocate_id(client % l.advocates),
        StaffRole::Advocate,
    )
}

/// Client `k` is advocate `k % advocates`, asking for the first page of their caseload.
pub fn caseload(tokens: &TokenIssuer, l: &Layout, clients: usize) -> anyhow::Result<Plan> {
    let plans = (0..clients)
        .map(|k| {
            Ok(ClientPlan::repeat(Req {
                token: advocate_token(tokens, l, k)?,
                body: caseload_body(),
            }))
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(Arc::new(plans))
}

/// Each client submits its own children's drafts (version 1), each with a fresh idempotency key.
/// `signed_in` holds tokens from `childSignIn` by child index; the other children's tokens are minted
/// with the server's key, as `childSignIn` would (sign-in is limited per address, and argon2 is slow
/// on purpose).
pub fn submit(
    tokens: &TokenIssuer,
    l: &Layout,
    pool: &Pool,
    signed_in: &std::collections::HashMap<usize, String>,
) -> anyhow::Result<Plan> {
    let token_for = |child: usize| -> anyhow::Result<String> {
        if let Some(token) = signed_in.get(&child) {
            return Ok(token.clone());
        }
        let viewer = ChildViewer {
            child_id: l.child_id(child),
            tenant: TenantId(LA),
        };
        Ok(tokens
            .issue_child(&viewer, 0)
            .context("minting a child token")?
            .token)
    };
    let mut cache = std::collections::HashMap::new();
    let mut plans = Vec::with_capacity(pool.len());
    for items in pool {
        let mut reqs = Vec::with_capacity(items.len());
        for item in items {
            let token = match cache.get(&item.child) {
                Some(token) => String::clone(token),
                None => {
                    let token = token_for(item.child)?;
                    cache.insert(item.child, token.clone());
                    token
                }
            };
            let variables = json!({
                "meetingId": NodeKind::Meeting.id(item.meeting_id).0,
                "version": 1,
                "key": format!("bench-submit-{}", item.meeting_id),
            });
            reqs.push(Req {
                token,
                body: body(SUBMIT, variables),
            });
        }
        plans.push(ClientPlan::each(reqs));
    }
    Ok(Arc::new(plans))
}

/// Client `k` is social worker `k % social_workers`, referring their own children for new meetings.
pub fn referrals(tokens: &TokenIssuer, l: &Layout, pool: &Pool) -> anyhow::Result<Plan> {
    let plans = pool
        .iter()
        .enumerate()
        .map(|(k, items)| {
            let token = staff_token(
                tokens,
                l.social_worker_id(k % l.social_workers),
                StaffRole::SocialWorker,
            )?;
            let reqs = items
                .iter()
                .map(|item| {
                    let input = json!({
                        "childId": NodeKind::Child.id(l.child_id(item.child)).0,
                        "meetingId": NodeKind::Meeting.id(item.meeting_id).0,
                        "reason": "Wants help to say what they think about going home.",
                        "howToContactChild": "Through the foster carer, after school",
                        "communicationNeeds": "None",
                        "livesWith": "Foster carers",
                        "visitRisks": "None known",
                        "parentalAgreement": "GIVEN",
                    });
                    Req {
                        token: token.clone(),
                        body: body(REFER, json!({ "input": input })),
                    }
                })
                .collect();
            Ok(ClientPlan::each(reqs))
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(Arc::new(plans))
}

/// Give `children` (by index) an access code each, all with one PIN (hashed once), and sign them in
/// through `childSignIn` at `url`: the path a child takes. Returns their tokens by child index.
pub async fn sign_in_children(
    db: &DatabaseConnection,
    http: &reqwest::Client,
    url: &str,
    l: &Layout,
    children: &[usize],
) -> anyhow::Result<std::collections::HashMap<usize, String>> {
    let pin = Pin::generate();
    let pin_hash = api::auth::hash_secret(pin.expose()).context("hashing the PIN")?;
    let codes: Vec<(usize, AccessCode)> = children
        .iter()
        .map(|&c| (c, AccessCode::generate()))
        .collect();
    let now = Utc::now();
    insert_all::<child_access::Entity, _>(
        db,
        codes.iter().map(|(c, code)| child_access::ActiveModel {
            local_authority_id: Set(LA),
            child_id: Set(l.child_id(*c)),
            case_id: Set(None),
            code_digest: Set(code.digest()),
            pin_hash: Set(pin_hash.clone()),
            expires_at: Set(now + Duration::days(42)),
            revoked_at: Set(None),
            created_by: Set(Some(l.advocate_of(*c))),
            last_used_at: Set(None),
            created_at: Set(now),
            ..Default::default()
        }),
    )
    .await?;
    let mut tokens = std::collections::HashMap::new();
    for (child, code) in codes {
        let variables = json!({ "code": code.display(), "pin": pin.expose() });
        let answer: Value = http
            .post(url)
            .header("content-type", "application/json")
            .body(body(CHILD_SIGN_IN, variables))
            .send()
            .await?
            .json()
            .await?;
        let Some(token) = answer["data"]["childSignIn"]["accessToken"].as_str() else {
            bail!("childSignIn failed: {answer}");
        };
        tokens.insert(child, token.to_owned());
    }
    Ok(tokens)
}
