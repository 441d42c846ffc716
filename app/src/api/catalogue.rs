//! The procedure catalogue, by sector, with diacritics-insensitive search.

use leptos::prelude::*;

use crate::api::ApiError;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
#[cfg(feature = "ssr")]
use motcua_store::prelude::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    pub code: String,
    pub name: String,
    pub sector: String,
    pub commune_level: bool,
    pub fully_online: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectorGroup {
    pub sector: String,
    pub entries: Vec<CatalogueEntry>,
}

/// The catalogue in `lang`: all procedures grouped by sector when `q` is empty, otherwise
/// the matches in one group, best first.
#[server(endpoint = "danh-muc")]
pub async fn get_catalogue(q: String, lang: Lang) -> Result<Vec<SectorGroup>, ApiError> {
    use motcua_domain::procedure::{Level, Online};
    use motcua_domain::search::score;

    let state = crate::api::AppState::get()?;
    let procedures = state
        .store
        .current_procedures(motcua_domain::format::today_vn(state.clock.now()))
        .await?;
    let entry = |p: &motcua_domain::procedure::Procedure| CatalogueEntry {
        code: p.code.clone(),
        name: p.name.get(lang).to_string(),
        sector: p.sector.get(lang).to_string(),
        commune_level: p.level == Level::Commune,
        fully_online: p.online == Online::Full,
    };
    let q = q.trim();
    if q.is_empty() {
        let mut groups: Vec<SectorGroup> = vec![];
        let mut all: Vec<CatalogueEntry> = procedures.iter().map(|s| entry(&s.procedure)).collect();
        all.sort_by(|a, b| a.sector.cmp(&b.sector).then(a.name.cmp(&b.name)));
        for e in all {
            match groups.last_mut() {
                Some(g) if g.sector == e.sector => g.entries.push(e),
                _ => groups.push(SectorGroup {
                    sector: e.sector.clone(),
                    entries: vec![e],
                }),
            }
        }
        return Ok(groups);
    }
    let mut ranked: Vec<(u32, CatalogueEntry)> = procedures
        .iter()
        .filter_map(|s| {
            let p = &s.procedure;
            // Search the Vietnamese name always (citizens type it even on the English UI),
            // the English name, the sector and the code.
            let extra = format!(
                "{} {} {} {}",
                p.name.get(Lang::En),
                p.sector.vi(),
                p.sector.get(Lang::En),
                p.code
            );
            score(q, p.name.vi(), &extra).map(|sc| (sc, entry(p)))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.name.cmp(&b.1.name)));
    Ok(if ranked.is_empty() {
        vec![]
    } else {
        vec![SectorGroup {
            sector: String::new(),
            entries: ranked.into_iter().map(|(_, e)| e).collect(),
        }]
    })
}
