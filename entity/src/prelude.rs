//! Entity types under their table names, as sea-orm's generated preludes do.
pub use crate::advocacy_case::Entity as AdvocacyCase;
pub use crate::advocate_note::Entity as AdvocateNote;
pub use crate::agency::Entity as Agency;
pub use crate::audit_event::Entity as AuditEvent;
pub use crate::child::Entity as Child;
pub use crate::child_access::Entity as ChildAccess;
pub use crate::local_authority::Entity as LocalAuthority;
pub use crate::meeting::Entity as Meeting;
pub use crate::meeting_child::Entity as MeetingChild;
pub use crate::outcome_distribution::Entity as OutcomeDistribution;
pub use crate::referral::Entity as Referral;
pub use crate::staff_user::Entity as StaffUser;
pub use crate::urgent_help::Entity as UrgentHelp;
pub use crate::views::Entity as Views;
pub use crate::views_share::Entity as ViewsShare;
pub use crate::views_version::Entity as ViewsVersion;
