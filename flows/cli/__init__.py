"""flows/cli"""
