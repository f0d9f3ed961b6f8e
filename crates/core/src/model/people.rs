//! People in a proposal: co-facilitators and the proposer, with the IGF's stakeholder groups and
//! regional groups (labels from igf-facts.md).

use crate::text::i18n::Msg;

/// The five stakeholder groups used on IGF forms. Academia counts as Technical Community.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StakeholderGroup {
    CivilSociety,
    Government,
    IntergovernmentalOrganization,
    PrivateSector,
    TechnicalCommunity,
}

impl StakeholderGroup {
    pub const ALL: [StakeholderGroup; 5] = [
        StakeholderGroup::CivilSociety,
        StakeholderGroup::Government,
        StakeholderGroup::IntergovernmentalOrganization,
        StakeholderGroup::PrivateSector,
        StakeholderGroup::TechnicalCommunity,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StakeholderGroup::CivilSociety => "Civil Society",
            StakeholderGroup::Government => "Government",
            StakeholderGroup::IntergovernmentalOrganization => "Intergovernmental Organization",
            StakeholderGroup::PrivateSector => "Private Sector",
            StakeholderGroup::TechnicalCommunity => "Technical Community",
        }
    }

    /// [`StakeholderGroup::label`] as the interface shows it (the label is what files hold).
    pub fn msg(self) -> Msg {
        match self {
            StakeholderGroup::CivilSociety => Msg::new("model.group.civil_society"),
            StakeholderGroup::Government => Msg::new("model.group.government"),
            StakeholderGroup::IntergovernmentalOrganization => Msg::new("model.group.intergovernmental"),
            StakeholderGroup::PrivateSector => Msg::new("model.group.private_sector"),
            StakeholderGroup::TechnicalCommunity => Msg::new("model.group.technical_community"),
        }
    }

    /// Reads a label, accepting the "Organisation" spelling that some IGF pages use.
    pub fn from_label(label: &str) -> Option<StakeholderGroup> {
        let label = label.trim();
        if label.eq_ignore_ascii_case("Intergovernmental Organisation") {
            return Some(StakeholderGroup::IntergovernmentalOrganization);
        }
        StakeholderGroup::ALL.into_iter().find(|g| g.label().eq_ignore_ascii_case(label))
    }
}

/// UN regional groups as IGF forms label them, plus the two extra values those forms offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Region {
    African,
    AsiaPacific,
    EasternEuropean,
    LatinAmericanAndCaribbean,
    WesternEuropeanAndOthers,
    IntergovernmentalOrganization,
    Other,
}

impl Region {
    pub const ALL: [Region; 7] = [
        Region::African,
        Region::AsiaPacific,
        Region::EasternEuropean,
        Region::LatinAmericanAndCaribbean,
        Region::WesternEuropeanAndOthers,
        Region::IntergovernmentalOrganization,
        Region::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Region::African => "African Group",
            Region::AsiaPacific => "Asia-Pacific Group",
            Region::EasternEuropean => "Eastern European Group",
            Region::LatinAmericanAndCaribbean => "Latin American and Caribbean Group (GRULAC)",
            Region::WesternEuropeanAndOthers => "Western European and Others Group (WEOG)",
            Region::IntergovernmentalOrganization => "Intergovernmental Organization",
            Region::Other => "Other",
        }
    }

    /// [`Region::label`] as the interface shows it (the label is what files hold).
    pub fn msg(self) -> Msg {
        match self {
            Region::African => Msg::new("model.region.african"),
            Region::AsiaPacific => Msg::new("model.region.asia_pacific"),
            Region::EasternEuropean => Msg::new("model.region.eastern_european"),
            Region::LatinAmericanAndCaribbean => Msg::new("model.region.grulac"),
            Region::WesternEuropeanAndOthers => Msg::new("model.region.weog"),
            Region::IntergovernmentalOrganization => Msg::new("model.region.intergovernmental"),
            Region::Other => Msg::new("model.region.other"),
        }
    }

    /// Reads a label or a common short form (GRULAC, WEOG, "Eastern Europe Group").
    pub fn from_label(label: &str) -> Option<Region> {
        let label = label.trim();
        let alias = match label.to_ascii_lowercase().as_str() {
            "grulac" => Some(Region::LatinAmericanAndCaribbean),
            "weog" => Some(Region::WesternEuropeanAndOthers),
            "eastern europe group" => Some(Region::EasternEuropean),
            "intergovernmental organisation" => Some(Region::IntergovernmentalOrganization),
            _ => None,
        };
        alias.or_else(|| Region::ALL.into_iter().find(|r| r.label().eq_ignore_ascii_case(label)))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CoFacilitator {
    pub name: String,
    pub affiliation: String,
    pub group: Option<StakeholderGroup>,
    pub region: Option<Region>,
    pub mag_member: bool,
    pub email: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    pub email: String,
}

/// A plausible email address: one `@`, a local part, and a domain with a dot and no spaces.
/// Deliverability cannot be known offline; this catches typing slips.
pub fn is_plausible_email(text: &str) -> bool {
    let text = text.trim();
    let Some((local, domain)) = text.split_once('@') else { return false };
    let labels: Vec<&str> = domain.split('.').collect();
    !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphanumeric))
        && text.chars().all(|c| !c.is_whitespace() && !c.is_control() && !"<>(),;:\"[]\\".contains(c))
        && !domain.contains('@')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_accept_variants() {
        for group in StakeholderGroup::ALL {
            assert_eq!(StakeholderGroup::from_label(group.label()), Some(group));
        }
        assert_eq!(
            StakeholderGroup::from_label("intergovernmental organisation"),
            Some(StakeholderGroup::IntergovernmentalOrganization)
        );
        assert_eq!(StakeholderGroup::from_label("Academia"), None);
        for region in Region::ALL {
            assert_eq!(Region::from_label(region.label()), Some(region));
        }
        assert_eq!(Region::from_label("GRULAC"), Some(Region::LatinAmericanAndCaribbean));
        assert_eq!(Region::from_label("Eastern Europe Group"), Some(Region::EasternEuropean));
    }

    #[test]
    fn email_plausibility() {
        let table: &[(&str, bool)] = &[
            ("igf@un.org", true),
            ("first.last+bpf@example.co.uk", true),
            (" amina@agency.gov.sn ", true),
            ("用户@例子.广告", true),
            ("", false),
            ("igf", false),
            ("igf@", false),
            ("@un.org", false),
            ("igf@un", false),
            ("igf@un.", false),
            ("igf@@un.org", false),
            ("ig f@un.org", false),
            ("igf@un..org", false),
            (".igf@un.org", false),
            ("igf@-un.org", false),
            ("igf@un.o", false),
            ("<igf@un.org>", false),
            ("Name <igf@un.org>", false),
        ];
        for (text, expected) in table {
            assert_eq!(is_plausible_email(text), *expected, "{text:?}");
        }
    }
}
