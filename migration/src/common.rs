//! Small builders the migrations share, for the conventions every table follows.
//!
//! Old migrations call these, so what a helper emits must never change once released: add a new
//! helper instead. Names are derived from the table and columns (`fk_`, `uq_`, `ck_`, `idx_`), so
//! they are unique in the schema, as PostgreSQL and SQLite both require for indexes.
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::timestamp_with_time_zone;
use sea_orm_migration::sea_orm::DbBackend;

/// The tenant column every tenant-owned table has, and the key parents expose for composite FKs.
const TENANT: &str = "local_authority_id";
const ID: &str = "id";

fn join(cols: &[DynIden]) -> String {
    cols.iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join("_")
}

/// `timestamptz NOT NULL DEFAULT now`. On SQLite the default writes the same RFC 3339 text as
/// sqlx does (`2026-11-23T10:00:00.123+00:00`), so rows from either path sort and compare alike;
/// `CURRENT_TIMESTAMP` would write `2026-11-23 10:00:00`, which sorts wrongly against it.
pub fn created_now(col: impl IntoIden, backend: DbBackend) -> ColumnDef {
    let now = match backend {
        DbBackend::Sqlite => Expr::cust("strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')"),
        _ => Expr::current_timestamp(),
    };
    timestamp_with_time_zone(col).default(now).take()
}

/// `local_authority_id → local_authority(id)`.
pub fn tenant_owner(table: impl IntoIden) -> ForeignKeyCreateStatement {
    let table = table.into_iden();
    ForeignKey::create()
        .name(format!("fk_{table}_{TENANT}"))
        .from_col(TENANT)
        .to_tbl("local_authority")
        .to_col(ID)
        .take()
}

/// `UNIQUE (local_authority_id, id)`: the target of the composite tenancy FKs pointing here.
pub fn tenant_key(table: impl IntoIden) -> IndexCreateStatement {
    let table = table.into_iden();
    Index::create()
        .name(format!("uq_{table}_tenant"))
        .unique()
        .col(TENANT)
        .col(ID)
        .take()
}

/// `(local_authority_id, col) → parent(local_authority_id, id)`: a row can only ever point at a
/// row of its own local authority. A NULL `col` is not checked (MATCH SIMPLE on both engines).
pub fn tenant_fk(
    table: impl IntoIden,
    col: impl IntoIden,
    parent: impl IntoIden,
) -> ForeignKeyCreateStatement {
    let (table, col) = (table.into_iden(), col.into_iden());
    ForeignKey::create()
        .name(format!("fk_{table}_{col}"))
        .from_col(TENANT)
        .from_col(col)
        .to_tbl(parent)
        .to_col(TENANT)
        .to_col(ID)
        .take()
}

/// A table-level `UNIQUE (cols…)`, written inside CREATE TABLE (SQLite cannot add it later).
pub fn unique(table: impl IntoIden, cols: impl IdenList) -> IndexCreateStatement {
    let cols: Vec<DynIden> = cols.into_iter().collect();
    let mut index = Index::create();
    index
        .name(format!("uq_{}_{}", table.into_iden(), join(&cols)))
        .unique();
    for col in cols {
        index.col(col);
    }
    index
}

/// A separate `CREATE INDEX idx_<table>_<cols>` for a lookup path.
pub fn index(table: impl IntoIden, cols: impl IdenList) -> IndexCreateStatement {
    let table = table.into_iden();
    let cols: Vec<DynIden> = cols.into_iter().collect();
    let mut index = Index::create();
    index
        .name(format!("idx_{table}_{}", join(&cols)))
        .table(table);
    for col in cols {
        index.col(col);
    }
    index
}

/// `CHECK (col IN (…))` for a column holding an enum's snake_case text.
pub fn one_of(table: impl IntoIden, col: impl IntoIden, values: &[&'static str]) -> Check {
    let (table, col) = (table.into_iden(), col.into_iden());
    Check::named(
        format!("ck_{table}_{col}"),
        Expr::col(col).is_in(values.iter().copied()),
    )
}

/// A named CHECK for a rule across columns.
pub fn check(table: impl IntoIden, rule: &str, expr: Expr) -> Check {
    Check::named(format!("ck_{}_{rule}", table.into_iden()), expr)
}

/// `DROP TABLE t` for `down`.
pub fn drop(table: impl IntoIden) -> TableDropStatement {
    Table::drop().table(table).take()
}
