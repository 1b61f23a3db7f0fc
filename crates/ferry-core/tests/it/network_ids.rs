//! `NetworkId` (what drafts, accounts and the outbox store) and `ferry_networks::rules::Network`
//! (what the text rules measure) must name the same networks with the same text, in the same
//! order: the outbox turns one into the other by that text, SQLite stores it, and the UI gets
//! both as the same string union. They are still two enums because their TypeScript names
//! (`NetworkId`, `Network`) are both imported by the UI; this test stops them drifting apart.

use ferry_core::NetworkId;
use ferry_networks::rules::Network;

#[test]
fn every_network_id_is_the_rules_network_of_the_same_name() {
    assert_eq!(NetworkId::ALL.len(), Network::ALL.len());
    for (id, network) in NetworkId::ALL.into_iter().zip(Network::ALL) {
        assert_eq!(id.as_str(), network.name());
        assert_eq!(id.as_str().parse::<Network>(), Ok(network));
        assert_eq!(network.name().parse::<NetworkId>().ok(), Some(id));
        assert_eq!(
            serde_json::to_string(&id).ok(),
            serde_json::to_string(&network).ok()
        );
    }
}
