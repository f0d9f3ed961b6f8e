//! Sharing without a server: drafts and reviews in a link's fragment, and the reviews
//! themselves (comments, merging, what changed since the version reviewed).

pub mod channel;
pub mod comments;
pub mod inbox;
pub mod link;
pub mod opening;
pub mod review;
