//! Opaque global IDs (`node(id)`): base64url of `Kind:number`. Opaque to clients, checked on the way in.
use async_graphql::ID;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::error::{ApiError, ApiResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    AdvocateNote,
    Agency,
    ApiKey,
    Case,
    Child,
    Meeting,
    OutcomeDistribution,
    Referral,
    StaffUser,
    UrgentHelp,
    Views,
    ViewsShare,
}

impl NodeKind {
    const ALL: [Self; 12] = [
        Self::AdvocateNote,
        Self::Agency,
        Self::ApiKey,
        Self::Case,
        Self::Child,
        Self::Meeting,
        Self::OutcomeDistribution,
        Self::Referral,
        Self::StaffUser,
        Self::UrgentHelp,
        Self::Views,
        Self::ViewsShare,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::AdvocateNote => "AdvocateNote",
            Self::Agency => "Agency",
            Self::ApiKey => "ApiKey",
            Self::Case => "AdvocacyCase",
            Self::Child => "Child",
            Self::Meeting => "Meeting",
            Self::OutcomeDistribution => "OutcomeDistribution",
            Self::Referral => "Referral",
            Self::StaffUser => "StaffUser",
            Self::UrgentHelp => "UrgentHelp",
            Self::Views => "Views",
            Self::ViewsShare => "ViewsShare",
        }
    }

    pub fn id(self, raw: i32) -> ID {
        ID(URL_SAFE_NO_PAD.encode(format!("{}:{raw}", self.name())))
    }

    /// The row number inside an ID of this kind; anything else is bad input.
    pub fn parse(self, id: &ID, field: &'static str) -> ApiResult<i32> {
        match decode(id) {
            Some((kind, raw)) if kind == self => Ok(raw),
            _ => Err(ApiError::bad_input(
                field,
                format!("{field} is not a valid {} ID.", self.name()),
            )),
        }
    }
}

/// Kind and number of any global ID, for `node(id)`.
pub fn decode(id: &ID) -> Option<(NodeKind, i32)> {
    let bytes = URL_SAFE_NO_PAD.decode(id.as_str()).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let (name, raw) = text.split_once(':')?;
    let kind = NodeKind::ALL.into_iter().find(|k| k.name() == name)?;
    let raw = raw.parse().ok().filter(|n: &i32| *n > 0)?;
    Some((kind, raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_kinds_do_not_mix() {
        let id = NodeKind::Meeting.id(42);
        assert_eq!(NodeKind::Meeting.parse(&id, "meetingId").unwrap(), 42);
        assert!(NodeKind::Child.parse(&id, "childId").is_err());
        assert!(
            NodeKind::Child
                .parse(&ID("not base64 at all!".into()), "childId")
                .is_err()
        );
        assert!(
            NodeKind::Child
                .parse(&ID(URL_SAFE_NO_PAD.encode("Child:-1")), "childId")
                .is_err()
        );
    }
}
