package news.dateline.comment;

/** Who sent a comment, as far as the server can tell: address, browser, and the pending-comment token's hash. */
record Visitor(String ip, String userAgent, String tokenHash) {
}
