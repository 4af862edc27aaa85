package com.trellis.shared;

import java.util.HashSet;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/**
 * Describes file uploads and {@code @RequestParam} maps as what they are in the OpenAPI
 * description. springdoc lists a {@code @RequestParam Map} (every parameter or part sent,
 * read by the handler itself: the import's mapping parameters, its files by name) as one
 * required query parameter of type object, and a handler taking files without
 * {@code consumes} as a JSON body. Here such a map is no parameter at all, and an
 * operation that takes a {@link MultipartFile} (alone or in a map) has a
 * {@code multipart/form-data} body: its named files, and as further parts the files of a
 * map of files (any name, when the handler names none) or the text parameters of a map of
 * text, which the operation's description lists.
 */
@Component
class FormPartsInApiDocs implements GlobalOperationCustomizer {

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		var maps = new HashSet<String>();
		boolean namedFiles = false;
		boolean fileMap = false;
		boolean textMap = false;
		for (var parameter : handler.getMethodParameters()) {
			var param = parameter.getParameterAnnotation(RequestParam.class);
			if (param == null) {
				continue;
			}
			var type = parameter.getParameterType();
			if (Map.class.isAssignableFrom(type)) {
				maps.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
				if (holdsFiles(parameter)) {
					fileMap = true;
				}
				else {
					textMap = true;
				}
			}
			else if (MultipartFile.class.isAssignableFrom(type)) {
				namedFiles = true;
			}
		}
		if (operation.getParameters() != null) {
			operation.getParameters().removeIf(parameter -> maps.contains(parameter.getName()));
		}
		if (namedFiles || fileMap) {
			Schema<?> more = null;
			if (fileMap && !namedFiles) {
				more = new StringSchema().format("binary")
					.description("a file as a part named as the operation's description says, or a text parameter");
			}
			else if (textMap) {
				more = new StringSchema()
					.description("a parameter the operation's description names, as a text part or in the query");
			}
			operation.setRequestBody(multipart(operation.getRequestBody(), more));
		}
		return operation;
	}

	/** Whether a map parameter's values are files. */
	private static boolean holdsFiles(MethodParameter parameter) {
		// Map<String, MultipartFile> or MultiValueMap<String, MultipartFile>
		var values = ResolvableType.forMethodParameter(parameter).asMap().getGeneric(1);
		return MultipartFile.class.isAssignableFrom(values.toClass())
				|| MultipartFile.class.isAssignableFrom(values.getGeneric(0).toClass());
	}

	/**
	 * The body as {@code multipart/form-data}: the parts springdoc found, as a form, and
	 * what any other part may be.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static RequestBody multipart(RequestBody body, Schema<?> more) {
		Schema schema = null;
		if (body != null && body.getContent() != null) {
			schema = body.getContent().values().stream().map(MediaType::getSchema).findFirst().orElse(null);
		}
		if (schema == null) {
			schema = new ObjectSchema();
		}
		if (more != null) {
			schema.setAdditionalProperties(more);
		}
		var multipart = body != null ? body : new RequestBody();
		return multipart.required(true)
			.content(new Content().addMediaType(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE,
					new MediaType().schema(schema)));
	}

}
