package news.dateline.taxonomy;

import java.util.Map;

/** The profile form as the person typed it (every field a string), with each field's problem. */
public record ProfileForm(String name, String bio, String jobTitle, String photoUrl, String publicEmail,
        String socialLinks, Map<String, String> errors) {

    static ProfileForm of(AuthorProfile profile) {
        return new ProfileForm(profile.name(), profile.bio(), profile.jobTitle(), profile.photoUrl(),
                profile.publicEmail(), profile.socialLinksText(), Map.of());
    }

    ProfileForm withErrors(Map<String, String> problems) {
        return new ProfileForm(name, bio, jobTitle, photoUrl, publicEmail, socialLinks, problems);
    }

    public String error(String field) {
        return errors.get(field);
    }
}
