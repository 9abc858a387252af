"""corroborate"""
