//! A table of co-facilitators in a foreign document: a header row with a name column and at
//! least one of affiliation, stakeholder group, region or email becomes the structured list.
//! Nothing in it is dropped: a group or region that is none of the IGF's, and any other column,
//! is kept in the affiliation, labelled.

use super::Paragraph;
use crate::model::people::{CoFacilitator, Region, StakeholderGroup};
use crate::text::case::fold_str;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Name,
    Affiliation,
    Group,
    Region,
    Email,
    Mag,
    Other,
}

fn column(head: &str) -> Column {
    let h = fold_str(head.trim());
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if has(&["mail"]) {
        Column::Email
    } else if has(&["region"]) {
        Column::Region
    } else if has(&["stakeholder", "sector"]) || h == "group" {
        Column::Group
    } else if has(&["affiliation", "organi", "institution", "employer", "company"]) {
        Column::Affiliation
    } else if has(&["mag"]) {
        Column::Mag
    } else if has(&["name", "facilitator", "person"]) {
        Column::Name
    } else {
        Column::Other
    }
}

fn cell_text(cell: &[Paragraph]) -> String {
    cell.iter().map(Paragraph::text).collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The people of a co-facilitator table, or `None` when the table is not one.
pub fn co_facilitators(rows: &[Vec<Vec<Paragraph>>]) -> Option<Vec<CoFacilitator>> {
    let (head, body) = rows.split_first()?;
    let heads: Vec<String> = head.iter().map(|c| cell_text(c)).collect();
    let columns: Vec<Column> = heads.iter().map(|h| column(h)).collect();
    let known = |c: Column| columns.contains(&c);
    if !known(Column::Name) || ![Column::Affiliation, Column::Group, Column::Region, Column::Email].into_iter().any(known) {
        return None;
    }
    let mut people = Vec::new();
    for row in body {
        let mut person = CoFacilitator::default();
        let mut extra: Vec<String> = Vec::new();
        for (n, cell) in row.iter().enumerate() {
            let text = cell_text(cell);
            if text.is_empty() {
                continue;
            }
            let label = heads.get(n).map_or("", String::as_str);
            match columns.get(n).copied().unwrap_or(Column::Other) {
                Column::Name if person.name.is_empty() => person.name = text,
                Column::Affiliation if person.affiliation.is_empty() => person.affiliation = text,
                Column::Email if person.email.is_empty() => {
                    let mailto = cell.iter().flat_map(|p| &p.spans).find_map(|s| s.link.as_deref()?.strip_prefix("mailto:"));
                    person.email = if text.contains('@') { text } else { mailto.map_or(text, str::to_owned) };
                }
                Column::Group => match group(&text) {
                    Some(g) if person.group.is_none() => person.group = Some(g),
                    _ => extra.push(format!("{label}: {text}")),
                },
                Column::Region => match region(&text) {
                    Some(r) if person.region.is_none() => person.region = Some(r),
                    _ => extra.push(format!("{label}: {text}")),
                },
                Column::Mag => person.mag_member = is_yes(&text),
                _ => extra.push(format!("{label}: {text}")),
            }
        }
        if !extra.is_empty() {
            let joined = extra.join("; ");
            person.affiliation = if person.affiliation.is_empty() { joined } else { format!("{} ({joined})", person.affiliation) };
        }
        if person != CoFacilitator::default() {
            people.push(person);
        }
    }
    Some(people)
}

fn group(text: &str) -> Option<StakeholderGroup> {
    StakeholderGroup::from_label(text).or_else(|| {
        let t = fold_str(text);
        let has = |w: &str| t.contains(w);
        Some(if has("intergovernmental") {
            StakeholderGroup::IntergovernmentalOrganization
        } else if has("civil") || has("ngo") || has("non-governmental") {
            StakeholderGroup::CivilSociety
        } else if has("government") {
            StakeholderGroup::Government
        } else if has("private") || has("business") || has("industry") {
            StakeholderGroup::PrivateSector
        } else if has("technical") || has("academ") {
            StakeholderGroup::TechnicalCommunity
        } else {
            return None;
        })
    })
}

fn region(text: &str) -> Option<Region> {
    Region::from_label(text).or_else(|| {
        let t = fold_str(text);
        let has = |w: &str| t.contains(w);
        Some(if has("intergovernmental") {
            Region::IntergovernmentalOrganization
        } else if has("africa") {
            Region::African
        } else if has("asia") || has("pacific") {
            Region::AsiaPacific
        } else if has("eastern europe") {
            Region::EasternEuropean
        } else if has("latin") || has("caribbean") || has("grulac") {
            Region::LatinAmericanAndCaribbean
        } else if has("western europe") || has("weog") {
            Region::WesternEuropeanAndOthers
        } else {
            return None;
        })
    })
}

fn is_yes(text: &str) -> bool {
    matches!(fold_str(text.trim()).as_str(), "yes" | "y" | "x" | "✓" | "✔" | "true" | "mag" | "mag member" | "oui" | "sí" | "si" | "ja")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::wordml::Span;

    fn cell(text: &str) -> Vec<Paragraph> {
        vec![Paragraph { spans: vec![Span { text: text.into(), ..Span::default() }], ..Paragraph::default() }]
    }

    fn rows(table: &[&[&str]]) -> Vec<Vec<Vec<Paragraph>>> {
        table.iter().map(|r| r.iter().map(|c| cell(c)).collect()).collect()
    }

    #[test]
    fn a_table_with_a_name_column_and_one_more_known_column_is_the_list() {
        let people = co_facilitators(&rows(&[
            &["Full name", "Organisation", "Stakeholder group", "Regional group", "MAG member", "E-mail", "Role"],
            &["Amina Diallo", "ISOC", "Civil society", "Africa", "Yes", "amina@example.org", "Lead"],
            &["Rahul Mehta", "", "Academia", "GRULAC", "No", "", ""],
            &["Li Wei", "MIIT", "Party", "Mars", "", "", ""],
            &["", "", "", "", "", "", ""],
        ]))
        .unwrap();
        assert_eq!(
            people,
            [
                CoFacilitator { name: "Amina Diallo".into(), affiliation: "ISOC (Role: Lead)".into(), group: Some(StakeholderGroup::CivilSociety), region: Some(Region::African), mag_member: true, email: "amina@example.org".into() },
                CoFacilitator { name: "Rahul Mehta".into(), affiliation: String::new(), group: Some(StakeholderGroup::TechnicalCommunity), region: Some(Region::LatinAmericanAndCaribbean), mag_member: false, email: String::new() },
                CoFacilitator { name: "Li Wei".into(), affiliation: "MIIT (Stakeholder group: Party; Regional group: Mars)".into(), group: None, region: None, mag_member: false, email: String::new() },
            ]
        );
        assert_eq!(co_facilitators(&rows(&[&["Name", "Budget"], &["A", "1"]])), None);
        assert_eq!(co_facilitators(&rows(&[&["Month", "Affiliation"], &["A", "1"]])), None);
        assert_eq!(co_facilitators(&[]), None);
    }
}
