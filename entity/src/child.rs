//! A child or young person whose views are heard before meetings about their life.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "child")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    /// The name the child wants to be called.
    pub preferred_name: String,
    pub date_of_birth: Date,
    /// In the care of the local authority: parental agreement is not needed for a referral.
    pub looked_after: bool,
    #[sea_orm(column_type = "Text", nullable)]
    pub communication_needs: Option<String>,
    /// Language code for the child's pages, `en` by default.
    #[sea_orm(column_type = "Text")]
    pub language: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub lives_with: Option<String>,
    pub social_worker_id: Option<i32>,
    pub created_at: DateTimeUtc,
    /// Younger-child mode on the child's pages (bigger pictures, fewer words, read aloud); off by default.
    pub younger_mode: bool,
    /// Moves on when the child's code is replaced: access tokens name the epoch they were issued
    /// in, and older ones stop working at once.
    pub session_epoch: i32,
    /// The integrator's own reference for this record (unique in the authority); None when made here.
    #[sea_orm(column_type = "Text", nullable)]
    pub external_ref: Option<String>,
    /// The child's full name, for staff; the child is always called by `preferred_name`.
    #[sea_orm(column_type = "Text", nullable)]
    pub full_name: Option<String>,
    /// An interpreter is needed to work with the child in `language`.
    pub interpreter_needed: bool,
    /// Who holds parental responsibility (e.g. "Mother; the local authority shares it").
    #[sea_orm(column_type = "Text", nullable)]
    pub parental_responsibility: Option<String>,
    /// The child agreed to have an advocate.
    pub agreed_to_advocacy: bool,
    /// The day the child agreed; set exactly when `agreed_to_advocacy` is.
    pub agreed_to_advocacy_on: Option<Date>,
    /// What the child calls their meeting on their own pages; None: the usual words.
    #[sea_orm(column_type = "Text", nullable)]
    pub meeting_name: Option<String>,
    /// The child's own name for "Things I worry about"; None: the usual words.
    #[sea_orm(column_type = "Text", nullable)]
    pub worries_name: Option<String>,
    /// The child's own name for "Things that are going well"; None: the usual words.
    #[sea_orm(column_type = "Text", nullable)]
    pub going_well_name: Option<String>,
    /// The child's own name for "What I want to happen"; None: the usual words.
    #[sea_orm(column_type = "Text", nullable)]
    pub want_to_happen_name: Option<String>,
    /// When retention or an erasure removed what identifies the child (issue 22). The row stays so
    /// the service's counts still count the work; None: the record is whole.
    pub anonymised_at: Option<DateTimeUtc>,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
    #[sea_orm(
        belongs_to,
        relation_enum = "SocialWorker",
        from = "social_worker_id",
        to = "id"
    )]
    pub social_worker: BelongsTo<Option<super::staff_user::Entity>>,
    #[sea_orm(has_many, via = "meeting_child")]
    pub meetings: HasMany<super::meeting::Entity>,
}

#[async_trait::async_trait]
impl ActiveModelBehavior for ActiveModel {
    /// A new row starts in session epoch 0 (and the later flags false). Set here rather than left to the column's default:
    /// SQLite's `RETURNING` answers NULL for a column added by `ALTER TABLE` that an insert leaves
    /// out, and the inserted model could then not be read back.
    async fn before_save<C>(mut self, _db: &C, insert: bool) -> Result<Self, DbErr>
    where
        C: ConnectionTrait + 'async_trait,
    {
        if insert && self.session_epoch.is_not_set() {
            self.session_epoch = sea_orm::ActiveValue::Set(0);
        }
        if insert && self.interpreter_needed.is_not_set() {
            self.interpreter_needed = sea_orm::ActiveValue::Set(false);
        }
        if insert && self.agreed_to_advocacy.is_not_set() {
            self.agreed_to_advocacy = sea_orm::ActiveValue::Set(false);
        }
        Ok(self)
    }
}
