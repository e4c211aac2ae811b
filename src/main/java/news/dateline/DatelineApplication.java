package news.dateline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DatelineApplication {

    public static void main(String[] args) {
        SpringApplication.run(DatelineApplication.class, args);
    }
}
