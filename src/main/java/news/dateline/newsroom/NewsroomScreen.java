package news.dateline.newsroom;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller that serves the newsroom (the staff UI), whichever feature's package it lives in:
 * {@link NewsroomAdvice} puts the signed-in {@link Staff} into its model. Reader controllers in the same
 * packages are left alone.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NewsroomScreen {
}
