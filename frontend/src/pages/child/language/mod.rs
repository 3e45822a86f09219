//! The child's language kept with them, not only in one browser: a choice made on any page is
//! stored on their record, and signing in on another device brings it back.
#[cfg(feature = "ssr")]
mod ops;

#[cfg(feature = "ssr")]
pub use server::{at_sign_in, keep_mine};

#[cfg(feature = "ssr")]
mod server {
    use super::ops;
    use crate::error::PageError;
    use crate::text::Lang;

    /// Store the signed-in child's choice.
    pub async fn keep_mine(lang: Lang) -> Result<(), PageError> {
        keep(crate::session::current(), lang).await
    }

    async fn keep(token: Option<String>, lang: Lang) -> Result<(), PageError> {
        let variables = ops::set_my_language::Variables {
            language: lang.code().to_owned(),
        };
        crate::gql::exec_as::<ops::SetMyLanguage>(token, variables)
            .await
            .map(|_| ())
    }

    /// Just signed in with `token`: a language chosen in this browser before signing in becomes
    /// the child's own; with none chosen here, the one kept on their record is used from now on.
    pub async fn at_sign_in(token: &str, chosen_here: Option<Lang>) -> Result<(), PageError> {
        match chosen_here {
            Some(lang) => keep(Some(token.to_owned()), lang).await,
            None => {
                let me = crate::gql::exec_as::<ops::MyLanguage>(
                    Some(token.to_owned()),
                    ops::my_language::Variables {},
                )
                .await?;
                if let Some(lang) = me.me.language.as_deref().and_then(Lang::parse) {
                    crate::text::remember(lang);
                }
                Ok(())
            }
        }
    }
}
