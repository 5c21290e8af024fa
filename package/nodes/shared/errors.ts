/** A parameter value that cannot be used. The message continues the field's name: "is required". */
export class FieldError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FieldError';
	}
}
