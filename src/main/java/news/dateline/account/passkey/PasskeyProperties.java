package news.dateline.account.passkey;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dateline.passkeys.extra-origins} ({@code DATELINE_PASSKEY_ORIGINS}): origins besides the base URL's from
 * which staff may use their passkeys, each on the base URL's host or a subdomain of it (docs/security.md).
 */
@ConfigurationProperties("dateline.passkeys")
record PasskeyProperties(@DefaultValue List<String> extraOrigins) {
}
