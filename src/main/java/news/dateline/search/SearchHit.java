package news.dateline.search;

public record SearchHit(String path, String headline, String standfirst, String sectionName) {
}
